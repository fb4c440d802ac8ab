// Command kinds-host is a go-plugin host for example_protos/kinds.proto, written only against
// the generated package yourapp/proto/kinds/v1/kindsv1plugin: it calls every RPC kind of the
// Inventory plugin (unary, server stream, client stream, bidirectional stream) and both RPCs of
// the Audit plugin, with AutoMTLS, printing one line per answer:
//
//	get: apple 3
//	get kiwi: NotFound
//	list: apple 3
//	list: apricot 5
//	put: stored 2
//	sync: elder 4
//	sync: fig 6
//	all: 7 items
//	first: apple 3            (a stream stopped after one message)
//	get: banana 7             (the next call after it)
//	put-abort: stop here      (a client stream whose requests fail ends with their error)
//	record: ok
//	status: http 200
//
// The plugin (Go or Python) starts with apple 3, apricot 5 and banana 7 in store. Failures print
// "kinds-host: STEP: ERROR" on stderr and exit with status 1.
//
//	kinds-host -- PLUGIN-COMMAND [ARGS...]
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
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"

	kindspb "yourapp/proto/kinds/v1"
	"yourapp/proto/kinds/v1/kindsv1plugin"
)

func main() {
	flag.Parse()
	if err := run(flag.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "kinds-host: %v\n", err)
		os.Exit(1)
	}
}

func item(name string, count int64) *kindspb.Item {
	return &kindspb.Item{Key: &kindspb.Item_Key{Name: name}, Count: count}
}

// items is a client stream's requests: the given items, then err if it is not nil.
func items(err error, all ...*kindspb.Item) iter.Seq2[*kindspb.Item, error] {
	return func(yield func(*kindspb.Item, error) bool) {
		for _, one := range all {
			if !yield(one, nil) {
				return
			}
		}
		if err != nil {
			yield(nil, err)
		}
	}
}

func run(command []string) error {
	if len(command) == 0 {
		return errors.New("usage: no plugin command: give it after --")
	}
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  kindsv1plugin.Handshake,
		Plugins:          kindsv1plugin.PluginMap,
		Cmd:              exec.Command(command[0], command[1:]...),
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		AutoMTLS:         true,
		Logger:           hclog.New(&hclog.LoggerOptions{Name: "kinds-host", Level: hclog.Warn}),
	})
	defer client.Kill()
	rpcClient, err := client.Client()
	if err != nil {
		return fmt.Errorf("start: %w", err)
	}
	raw, err := rpcClient.Dispense(kindsv1plugin.InventoryPluginName)
	if err != nil {
		return fmt.Errorf("dispense: %w", err)
	}
	inventory := raw.(kindsv1plugin.Inventory)
	raw, err = rpcClient.Dispense(kindsv1plugin.AuditPluginName)
	if err != nil {
		return fmt.Errorf("dispense: %w", err)
	}
	audit := raw.(kindsv1plugin.Audit)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	got, err := inventory.Get(ctx, &kindspb.Item_Key{Name: "apple"})
	if err != nil {
		return fmt.Errorf("get: %w", err)
	}
	fmt.Printf("get: %s %d\n", got.GetKey().GetName(), got.GetCount())
	if _, err := inventory.Get(ctx, &kindspb.Item_Key{Name: "kiwi"}); err != nil {
		fmt.Printf("get kiwi: %s\n", status.Code(err))
	} else {
		return errors.New("get kiwi: no error for a missing item")
	}
	for one, err := range inventory.List(ctx, &kindspb.ListRequest{Prefix: "ap"}) {
		if err != nil {
			return fmt.Errorf("list: %w", err)
		}
		fmt.Printf("list: %s %d\n", one.GetKey().GetName(), one.GetCount())
	}
	summary, err := inventory.Put(ctx, items(nil, item("cherry", 1), item("date", 2)))
	if err != nil {
		return fmt.Errorf("put: %w", err)
	}
	fmt.Printf("put: stored %d\n", summary.GetStored())
	for one, err := range inventory.Sync(ctx, items(nil, item("elder", 4), item("fig", 6))) {
		if err != nil {
			return fmt.Errorf("sync: %w", err)
		}
		fmt.Printf("sync: %s %d\n", one.GetKey().GetName(), one.GetCount())
	}
	count := 0
	for _, err := range inventory.List(ctx, &kindspb.ListRequest{}) {
		if err != nil {
			return fmt.Errorf("all: %w", err)
		}
		count++
	}
	fmt.Printf("all: %d items\n", count)
	for one, err := range inventory.List(ctx, &kindspb.ListRequest{}) {
		if err != nil {
			return fmt.Errorf("first: %w", err)
		}
		fmt.Printf("first: %s %d\n", one.GetKey().GetName(), one.GetCount())
		break
	}
	got, err = inventory.Get(ctx, &kindspb.Item_Key{Name: "banana"})
	if err != nil {
		return fmt.Errorf("get: %w", err)
	}
	fmt.Printf("get: %s %d\n", got.GetKey().GetName(), got.GetCount())
	if _, err := inventory.Put(ctx, items(errors.New("stop here"), item("grape", 9))); err != nil {
		fmt.Printf("put-abort: %v\n", err)
	} else {
		return errors.New("put-abort: no error from failing requests")
	}
	if _, err := audit.Record(ctx, item("note", 1)); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	fmt.Println("record: ok")
	got, err = audit.GetHTTPStatus(ctx, &emptypb.Empty{}) //nolint:staticcheck // deprecated on purpose
	if err != nil {
		return fmt.Errorf("status: %w", err)
	}
	fmt.Printf("status: %s %d\n", got.GetKey().GetName(), got.GetCount())
	return nil
}
