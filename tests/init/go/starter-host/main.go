// Command starter-host is a go-plugin host for the starter proto of `gen-plugin init --name
// weather`, written only against the Go package the Go target generates from that repository's
// proto/ (yourapp/proto/weather/v1/weatherv1plugin). It calls the four RPCs and prints:
//
//	echo: hello
//	countdown: 3 2 1
//	sum: 6
//	chat: you said: hi
//	chat: you said: bye
//
// Failures print "starter-host: STEP: ERROR" on stderr and exit with status 1.
//
//	starter-host -- PLUGIN-COMMAND [ARGS...]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"iter"
	"os"
	"os/exec"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"

	weatherpb "yourapp/proto/weather/v1"
	"yourapp/proto/weather/v1/weatherv1plugin"
)

func main() {
	flag.Parse()
	if err := run(flag.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "starter-host: %v\n", err)
		os.Exit(1)
	}
}

// seq is a client stream's requests.
func seq[T any](all ...T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, one := range all {
			if !yield(one, nil) {
				return
			}
		}
	}
}

func run(command []string) error {
	if len(command) == 0 {
		return errors.New("usage: no plugin command: give it after --")
	}
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  weatherv1plugin.Handshake,
		Plugins:          weatherv1plugin.PluginMap,
		Cmd:              exec.Command(command[0], command[1:]...),
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		Logger:           hclog.New(&hclog.LoggerOptions{Name: "starter-host", Level: hclog.Warn}),
	})
	defer client.Kill()
	rpcClient, err := client.Client()
	if err != nil {
		return fmt.Errorf("start: %w", err)
	}
	raw, err := rpcClient.Dispense(weatherv1plugin.WeatherPluginName)
	if err != nil {
		return fmt.Errorf("dispense: %w", err)
	}
	weather := raw.(weatherv1plugin.Weather)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	echo, err := weather.Echo(ctx, &weatherpb.EchoRequest{Text: "hello"})
	if err != nil {
		return fmt.Errorf("echo: %w", err)
	}
	fmt.Printf("echo: %s\n", echo.GetText())
	fmt.Print("countdown:")
	for reply, err := range weather.Countdown(ctx, &weatherpb.CountdownRequest{Start: 3}) {
		if err != nil {
			return fmt.Errorf("countdown: %w", err)
		}
		fmt.Printf(" %d", reply.GetNumber())
	}
	fmt.Println()
	sum, err := weather.Sum(ctx, seq(
		&weatherpb.SumRequest{Number: 1}, &weatherpb.SumRequest{Number: 2}, &weatherpb.SumRequest{Number: 3},
	))
	if err != nil {
		return fmt.Errorf("sum: %w", err)
	}
	fmt.Printf("sum: %d\n", sum.GetTotal())
	for reply, err := range weather.Chat(ctx, seq(
		&weatherpb.ChatRequest{Text: "hi"}, &weatherpb.ChatRequest{Text: "bye"},
	)) {
		if err != nil {
			return fmt.Errorf("chat: %w", err)
		}
		fmt.Printf("chat: %s\n", reply.GetText())
	}
	return nil
}
