// Command versioned-host is a go-plugin host written only against the generated packages of the
// versioned greeter (greeterversions, greeterv1plugin, greeterv2plugin): it offers the versions
// -versions names through VersionedPlugins, with AutoMTLS, and calls the negotiated version.
//
//	versioned-host [-versions 1,2] [-name NAME] [-title TITLE] -- PLUGIN-COMMAND [ARGS...]
//
// It prints "negotiated: N", "greet: GREETING", "stream: GREETING" per message and, on
// version 2, "farewell: FAREWELL". Failures print "versioned-host: STEP: ERROR" on stderr and
// exit with status 1.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"

	"yourapp/proto/greeter/greeterversions"
	greeterv1 "yourapp/proto/greeter/v1"
	"yourapp/proto/greeter/v1/greeterv1plugin"
	greeterv2 "yourapp/proto/greeter/v2"
	"yourapp/proto/greeter/v2/greeterv2plugin"
)

func main() {
	versions := flag.String("versions", "1,2", "protocol versions offered")
	name := flag.String("name", "world", "GreetRequest.name")
	title := flag.String("title", "", "GreetRequest.title (version 2)")
	flag.Parse()
	if err := run(*versions, *name, *title, flag.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "versioned-host: %v\n", err)
		os.Exit(1)
	}
}

func run(versions, name, title string, command []string) error {
	if len(command) == 0 {
		return errors.New("usage: no plugin command: give it after --")
	}
	offered := map[int]plugin.PluginSet{}
	for _, text := range strings.Split(versions, ",") {
		number, err := strconv.Atoi(text)
		if err != nil || greeterversions.VersionedPlugins[number] == nil {
			return fmt.Errorf("usage: -versions: no version %q", text)
		}
		offered[number] = greeterversions.VersionedPlugins[number]
	}
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  greeterversions.Handshake,
		VersionedPlugins: offered,
		Cmd:              exec.Command(command[0], command[1:]...),
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		AutoMTLS:         true,
		Logger:           hclog.New(&hclog.LoggerOptions{Name: "versioned-host", Level: hclog.Warn}),
	})
	defer client.Kill()
	rpcClient, err := client.Client()
	if err != nil {
		return fmt.Errorf("start: %w", err)
	}
	fmt.Printf("negotiated: %d\n", client.NegotiatedVersion())
	raw, err := rpcClient.Dispense(greeterv2plugin.GreeterPluginName)
	if err != nil {
		return fmt.Errorf("dispense: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	switch greeter := raw.(type) {
	case greeterv2plugin.Greeter:
		return callV2(ctx, greeter, name, title)
	case greeterv1plugin.Greeter:
		return callV1(ctx, greeter, name)
	default:
		return fmt.Errorf("dispense: unexpected %T", raw)
	}
}

func callV1(ctx context.Context, greeter greeterv1plugin.Greeter, name string) error {
	request := &greeterv1.GreetRequest{Name: name}
	reply, err := greeter.Greet(ctx, request)
	if err != nil {
		return fmt.Errorf("greet: %w", err)
	}
	fmt.Printf("greet: %s\n", reply.GetGreeting())
	for reply, err := range greeter.GreetStream(ctx, request) {
		if err != nil {
			return fmt.Errorf("stream: %w", err)
		}
		fmt.Printf("stream: %s\n", reply.GetGreeting())
	}
	return nil
}

func callV2(ctx context.Context, greeter greeterv2plugin.Greeter, name, title string) error {
	request := &greeterv2.GreetRequest{Name: name, Title: title}
	reply, err := greeter.Greet(ctx, request)
	if err != nil {
		return fmt.Errorf("greet: %w", err)
	}
	fmt.Printf("greet: %s\n", reply.GetGreeting())
	for reply, err := range greeter.GreetStream(ctx, request) {
		if err != nil {
			return fmt.Errorf("stream: %w", err)
		}
		fmt.Printf("stream: %s\n", reply.GetGreeting())
	}
	farewell, err := greeter.Farewell(ctx, &greeterv2.FarewellRequest{Name: name})
	if err != nil {
		return fmt.Errorf("farewell: %w", err)
	}
	fmt.Printf("farewell: %s\n", farewell.GetFarewell())
	return nil
}
