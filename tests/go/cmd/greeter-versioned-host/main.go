// Command greeter-versioned-host is a go-plugin host offering versions 1 and 2 of the
// greeter protocol (packages greeter.v1 and greeter.v2) through VersionedPlugins, built by the
// interop tests so that a generated Python plugin can be tested against the real thing.
//
// Usage:
//
//	greeter-versioned-host [-versions 1,2] [-name NAME] [-title TITLE] -- PLUGIN-COMMAND [ARGS...]
//
// It launches the plugin, dispenses the negotiated version's client and calls it, printing one
// line per step on stdout:
//
//	negotiated: 2
//	greet: Hello, Dr Ada!
//	stream: 5 messages
//	farewell: Goodbye, Ada!        (version 2 only: Farewell is new in v2)
//	kill: ok
//
// Any failure prints "greeter-versioned-host: <step>: <error>" on stderr and exits with status
// 1; bad usage, or a switch the go-plugin it is built with does not have, exits with status 2.
// It takes greeter-host's go-plugin switches too (internal/hostflags: -automtls, -mux,
// -socket-dir, -socket-group, -stdio, -version).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"

	"yourapp/internal/hostflags"
	"yourapp/internal/versioned"
	greeterv1 "yourapp/proto/greeter/v1"
	greeterv2 "yourapp/proto/greeter/v2"
)

type options struct {
	name, title string
	versions    []int
	timeout     time.Duration
	command     []string
	host        *hostflags.Flags
}

func parseOptions() (*options, error) {
	o := &options{}
	var versions string
	flag.StringVar(&o.name, "name", "world", "GreetRequest.name")
	flag.StringVar(&o.title, "title", "", "GreetRequest.title (sent on version 2 only)")
	flag.StringVar(&versions, "versions", "1,2", "app protocol versions this host offers")
	flag.DurationVar(&o.timeout, "timeout", 30*time.Second, "start timeout and deadline of each call")
	o.host = hostflags.Register(flag.CommandLine)
	flag.Parse()
	if o.host.Version {
		return o, nil
	}
	var err error
	if o.versions, err = versioned.ParseVersions(versions); err != nil {
		return nil, fmt.Errorf("-versions: %v", err)
	}
	if o.command = flag.Args(); len(o.command) == 0 {
		return nil, errors.New("no plugin command: give it after --")
	}
	return o, nil
}

type stepError struct {
	step string
	err  error
}

func (e *stepError) Error() string { return fmt.Sprintf("%s: %v", e.step, e.err) }

func fail(step string, err error) error { return &stepError{step, err} }

func run(o *options) error {
	sets := map[int]plugin.PluginSet{}
	for _, v := range o.versions {
		if v == 1 {
			sets[1] = plugin.PluginSet{versioned.PluginName: &versioned.V1Plugin{}}
		} else {
			sets[2] = plugin.PluginSet{versioned.PluginName: &versioned.V2Plugin{}}
		}
	}
	config := &plugin.ClientConfig{
		HandshakeConfig: plugin.HandshakeConfig{
			MagicCookieKey:   versioned.CookieKey,
			MagicCookieValue: versioned.CookieValue,
		},
		VersionedPlugins: sets,
		Cmd:              exec.Command(o.command[0], o.command[1:]...),
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		StartTimeout:     o.timeout,
	}
	session, err := o.host.Apply(config, &hclog.LoggerOptions{Name: "greeter-versioned-host", Output: os.Stderr})
	if err != nil {
		return err
	}
	client := plugin.NewClient(config)
	defer client.Kill()

	rpcClient, err := client.Client()
	if err != nil {
		return fail("start", err)
	}
	fmt.Printf("negotiated: %d\n", client.NegotiatedVersion())
	raw, err := rpcClient.Dispense(versioned.PluginName)
	if err != nil {
		return fail("dispense", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	switch greeter := raw.(type) {
	case greeterv1.GreeterClient:
		err = callV1(ctx, greeter, o)
	case greeterv2.GreeterClient:
		err = callV2(ctx, greeter, o)
	default:
		err = fail("dispense", fmt.Errorf("unexpected client type %T", raw))
	}
	if err != nil {
		return err
	}
	client.Kill()
	if err := session.Finish(10 * time.Second); err != nil {
		return fail("stdio", err)
	}
	fmt.Println("kill: ok")
	return nil
}

func callV1(ctx context.Context, greeter greeterv1.GreeterClient, o *options) error {
	request := &greeterv1.GreetRequest{Name: o.name}
	resp, err := greeter.Greet(ctx, request)
	if err != nil {
		return fail("greet", err)
	}
	fmt.Printf("greet: %s\n", resp.GetGreeting())
	stream, err := greeter.GreetStream(ctx, request)
	if err != nil {
		return fail("stream", err)
	}
	count := 0
	for {
		if _, err := stream.Recv(); err == io.EOF {
			break
		} else if err != nil {
			return fail("stream", err)
		}
		count++
	}
	fmt.Printf("stream: %d messages\n", count)
	return nil
}

func callV2(ctx context.Context, greeter greeterv2.GreeterClient, o *options) error {
	request := &greeterv2.GreetRequest{Name: o.name, Title: o.title}
	resp, err := greeter.Greet(ctx, request)
	if err != nil {
		return fail("greet", err)
	}
	fmt.Printf("greet: %s\n", resp.GetGreeting())
	stream, err := greeter.GreetStream(ctx, request)
	if err != nil {
		return fail("stream", err)
	}
	count := 0
	for {
		if _, err := stream.Recv(); err == io.EOF {
			break
		} else if err != nil {
			return fail("stream", err)
		}
		count++
	}
	fmt.Printf("stream: %d messages\n", count)
	bye, err := greeter.Farewell(ctx, &greeterv2.FarewellRequest{Name: o.name})
	if err != nil {
		return fail("farewell", err)
	}
	fmt.Printf("farewell: %s\n", bye.GetFarewell())
	return nil
}

func main() {
	o, err := parseOptions()
	if err != nil {
		fmt.Fprintf(os.Stderr, "greeter-versioned-host: %v\n", err)
		os.Exit(2)
	}
	if o.host.Version {
		fmt.Printf("go-plugin %s\n", hostflags.GoPluginVersion())
		return
	}
	if err := run(o); err != nil {
		fmt.Fprintf(os.Stderr, "greeter-versioned-host: %v\n", err)
		var usage *hostflags.UsageError
		if errors.As(err, &usage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}
