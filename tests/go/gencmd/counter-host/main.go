// Command counter-host is a go-plugin host for go-plugin's bidirectional example proto, written
// only against the generated package yourapp/proto/counter/protoplugin: for each put it serves
// an AddHelper to the plugin through the broker (ServeAddHelper) and sends its id in the
// request, as go-plugin's examples/bidirectional host does, with AutoMTLS.
//
//	counter-host put KEY N -- PLUGIN-COMMAND [ARGS...]   prints "put: ok" (the plugin adds N)
//	counter-host get KEY -- PLUGIN-COMMAND [ARGS...]     prints "get: N"
//
// Each Sum the plugin asks for is printed on stderr ("sum: A + B"). Failures print
// "counter-host: STEP: ERROR" on stderr and exit with status 1.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"

	counterpb "yourapp/proto/counter"
	"yourapp/proto/counter/protoplugin"
)

// adder is the host's AddHelper: the callback the plugin dials.
type adder struct{}

func (adder) Sum(ctx context.Context, req *counterpb.SumRequest) (*counterpb.SumResponse, error) {
	fmt.Fprintf(os.Stderr, "sum: %d + %d\n", req.GetA(), req.GetB())
	return &counterpb.SumResponse{R: req.GetA() + req.GetB()}, nil
}

func main() {
	flag.Parse()
	if err := run(flag.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "counter-host: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	var command []string
	for i, arg := range args {
		if arg == "--" {
			args, command = args[:i], args[i+1:]
			break
		}
	}
	if len(command) == 0 {
		return errors.New("usage: no plugin command: give it after --")
	}
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  protoplugin.Handshake,
		Plugins:          protoplugin.PluginMap,
		Cmd:              exec.Command(command[0], command[1:]...),
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		AutoMTLS:         true,
		Logger:           hclog.New(&hclog.LoggerOptions{Name: "counter-host", Level: hclog.Warn}),
	})
	defer client.Kill()
	rpcClient, err := client.Client()
	if err != nil {
		return fmt.Errorf("start: %w", err)
	}
	raw, err := rpcClient.Dispense(protoplugin.CounterPluginName)
	if err != nil {
		return fmt.Errorf("dispense: %w", err)
	}
	counter := raw.(protoplugin.Counter)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	switch {
	case len(args) == 3 && args[0] == "put":
		value, err := strconv.ParseInt(args[2], 10, 64)
		if err != nil {
			return fmt.Errorf("usage: put KEY N: %w", err)
		}
		id, stop := protoplugin.ServeAddHelper(protoplugin.Broker(raw), adder{})
		defer stop()
		request := &counterpb.PutRequest{Key: args[1], Value: value, AddServer: id}
		if _, err := counter.Put(ctx, request); err != nil {
			return fmt.Errorf("put: %w", err)
		}
		fmt.Println("put: ok")
	case len(args) == 2 && args[0] == "get":
		reply, err := counter.Get(ctx, &counterpb.GetRequest{Key: args[1]})
		if err != nil {
			return fmt.Errorf("get: %w", err)
		}
		fmt.Printf("get: %d\n", reply.GetValue())
	default:
		return fmt.Errorf("usage: put KEY N or get KEY, given %q", args)
	}
	return nil
}
