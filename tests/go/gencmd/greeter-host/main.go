// Command greeter-host is a go-plugin host written only against the generated package
// yourapp/proto/greeter/greeterplugin (and protoc-gen-go's messages): it starts the plugin
// command given after --, with AutoMTLS, and prints what the Greeter answers.
//
//	greeter-host [-name NAME] -- PLUGIN-COMMAND [ARGS...]
//
// It prints "greet: GREETING", then "stream: GREETING" for each message of GreetStream. Any
// failure prints "greeter-host: STEP: ERROR" on stderr and exits with status 1.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"

	greeterpb "yourapp/proto/greeter"
	"yourapp/proto/greeter/greeterplugin"
)

func main() {
	name := flag.String("name", "world", "GreetRequest.name")
	flag.Parse()
	if err := run(*name, flag.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "greeter-host: %v\n", err)
		os.Exit(1)
	}
}

func run(name string, command []string) error {
	if len(command) == 0 {
		return errors.New("usage: no plugin command: give it after --")
	}
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  greeterplugin.Handshake,
		Plugins:          greeterplugin.PluginMap,
		Cmd:              exec.Command(command[0], command[1:]...),
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		AutoMTLS:         true,
		Logger:           hclog.New(&hclog.LoggerOptions{Name: "greeter-host", Level: hclog.Warn}),
	})
	defer client.Kill()
	rpcClient, err := client.Client()
	if err != nil {
		return fmt.Errorf("start: %w", err)
	}
	raw, err := rpcClient.Dispense(greeterplugin.GreeterPluginName)
	if err != nil {
		return fmt.Errorf("dispense: %w", err)
	}
	greeter := raw.(greeterplugin.Greeter)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	request := &greeterpb.GreetRequest{Name: name}
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
