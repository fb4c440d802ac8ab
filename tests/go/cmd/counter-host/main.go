// Command counter-host is go-plugin's examples/bidirectional Counter host with the switches of
// internal/hostflags, so the interop tests can run the broker callback (the plugin dials the
// host's AddHelper through the GRPCBroker) under AutoMTLS and against both go-plugin versions.
// The example host itself turns none of them on.
//
// Usage, the example's own CLI and environment (the plugin command runs through sh -c):
//
//	COUNTER_PLUGIN="python3 main.py" counter-host [flags] put KEY N
//	COUNTER_PLUGIN="python3 main.py" counter-host [flags] get KEY     # prints the count
//
// It uses the example's own shared package (Handshake, PluginMap, Counter, AddHelper) from the
// go-plugin module it is built against: v1.8.0's, or v1.0.1's with -tags goplugin_old (the
// import path is the same in both). As in the example, a failure prints "Error: <error>" on
// stdout and exits with status 1; go-plugin's log goes to stderr (Trace). A switch the linked
// go-plugin does not have exits with status 2 and says so on stderr; -version prints
// "go-plugin vX.Y.Z". Unlike the example, the plugin is killed before every exit, errors
// included, so a failed run leaves no plugin behind.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"strconv"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"
	"github.com/hashicorp/go-plugin/examples/bidirectional/shared"

	"yourapp/internal/hostflags"
)

// addHelper is the host's side of the callback: the plugin asks it for every sum.
type addHelper struct{}

func (*addHelper) Sum(a, b int64) (int64, error) { return a + b, nil }

// usageError is bad usage of the subcommands: printed like the example's, status 1.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func run(host *hostflags.Flags, args []string) (err error) {
	if len(args) == 0 || (args[0] != "get" && args[0] != "put") {
		return &usageError{"Please only use 'get' or 'put'"}
	}
	config := &plugin.ClientConfig{
		HandshakeConfig:  shared.Handshake,
		Plugins:          shared.PluginMap,
		Cmd:              exec.Command("sh", "-c", os.Getenv("COUNTER_PLUGIN")),
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolNetRPC, plugin.ProtocolGRPC},
	}
	// The logger go-plugin makes when a host gives none: Trace, to stderr, named "plugin".
	session, err := host.Apply(config, &hclog.LoggerOptions{
		Name:   "plugin",
		Level:  hclog.Trace,
		Output: os.Stderr,
	})
	if err != nil {
		return err
	}
	client := plugin.NewClient(config)
	defer func() {
		client.Kill()
		if finishErr := session.Finish(10 * time.Second); err == nil {
			err = finishErr
		}
	}()

	rpcClient, err := client.Client()
	if err != nil {
		return err
	}
	raw, err := rpcClient.Dispense("counter")
	if err != nil {
		return err
	}
	counter := raw.(shared.Counter)

	switch args[0] {
	case "get":
		if len(args) != 2 {
			return &usageError{"usage: counter-host [flags] get KEY"}
		}
		result, err := counter.Get(args[1])
		if err != nil {
			return err
		}
		fmt.Println(result)
	case "put":
		if len(args) != 3 {
			return &usageError{"usage: counter-host [flags] put KEY N"}
		}
		n, err := strconv.Atoi(args[2])
		if err != nil {
			return err
		}
		return counter.Put(args[1], int64(n), &addHelper{})
	}
	return nil
}

func main() {
	// As in the example: the standard logger (used by go-plugin's net/rpc side) stays quiet.
	log.SetOutput(io.Discard)
	host := hostflags.Register(flag.CommandLine)
	flag.Parse()
	if host.Version {
		fmt.Printf("go-plugin %s\n", hostflags.GoPluginVersion())
		return
	}
	if err := run(host, flag.Args()); err != nil {
		var usage *hostflags.UsageError
		if errors.As(err, &usage) {
			fmt.Fprintf(os.Stderr, "counter-host: %v\n", err)
			os.Exit(2)
		}
		var bad *usageError
		if errors.As(err, &bad) {
			fmt.Println(err.Error())
			os.Exit(1)
		}
		fmt.Println("Error:", err.Error())
		os.Exit(1)
	}
}
