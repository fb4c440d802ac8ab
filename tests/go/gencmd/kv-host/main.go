// Command kv-host is a go-plugin host for go-plugin's KV example proto, written only against
// the generated package yourapp/proto/kv/protoplugin: the twin of go-plugin's examples/grpc host
// without its hand-written shared package, with AutoMTLS.
//
//	kv-host put KEY VALUE -- PLUGIN-COMMAND [ARGS...]   prints "put: ok"
//	kv-host get KEY -- PLUGIN-COMMAND [ARGS...]         prints "get: VALUE"
//
// Failures print "kv-host: STEP: ERROR" on stderr and exit with status 1.
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

	kvpb "yourapp/proto/kv"
	"yourapp/proto/kv/protoplugin"
)

func main() {
	flag.Parse()
	if err := run(flag.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "kv-host: %v\n", err)
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
		Logger:           hclog.New(&hclog.LoggerOptions{Name: "kv-host", Level: hclog.Warn}),
	})
	defer client.Kill()
	rpcClient, err := client.Client()
	if err != nil {
		return fmt.Errorf("start: %w", err)
	}
	raw, err := rpcClient.Dispense(protoplugin.KVPluginName)
	if err != nil {
		return fmt.Errorf("dispense: %w", err)
	}
	kv := raw.(protoplugin.KV)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	switch {
	case len(args) == 3 && args[0] == "put":
		if _, err := kv.Put(ctx, &kvpb.PutRequest{Key: args[1], Value: []byte(args[2])}); err != nil {
			return fmt.Errorf("put: %w", err)
		}
		fmt.Println("put: ok")
	case len(args) == 2 && args[0] == "get":
		reply, err := kv.Get(ctx, &kvpb.GetRequest{Key: args[1]})
		if err != nil {
			return fmt.Errorf("get: %w", err)
		}
		fmt.Printf("get: %s\n", reply.GetValue())
	default:
		return fmt.Errorf("usage: put KEY VALUE or get KEY, given %q", args)
	}
	return nil
}
