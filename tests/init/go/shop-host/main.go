// Command shop-host is a go-plugin host for tests/init/protos/shop/v1/shop.proto (two services,
// an import of another package and of a well-known type), written only against the Go package
// the Go target generates from the `gen-plugin init --proto` repository's proto/. The plugin
// answers with empty messages (init's behaviour for a user's proto), so it prints what arrived:
//
//	catalog.GetProduct: ok
//	catalog.ListProducts: 1 product(s)
//	cart.AddItems: ok
//	cart.Watch: 2 receipt(s)
//
// Failures print "shop-host: STEP: ERROR" on stderr and exit with status 1.
//
//	shop-host -- PLUGIN-COMMAND [ARGS...]
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

	commonpb "yourapp/proto/shop/common/v1"
	shoppb "yourapp/proto/shop/v1"
	"yourapp/proto/shop/v1/shopv1plugin"
)

func main() {
	flag.Parse()
	if err := run(flag.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "shop-host: %v\n", err)
		os.Exit(1)
	}
}

func products(n int) iter.Seq2[*shoppb.Product, error] {
	return func(yield func(*shoppb.Product, error) bool) {
		for i := range n {
			price := &commonpb.Money{Currency: "EUR", Cents: int64(100 * (i + 1))}
			if !yield(&shoppb.Product{Sku: fmt.Sprintf("sku-%d", i), Price: price}, nil) {
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
		HandshakeConfig:  shopv1plugin.Handshake,
		Plugins:          shopv1plugin.PluginMap,
		Cmd:              exec.Command(command[0], command[1:]...),
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		AutoMTLS:         true,
		Logger:           hclog.New(&hclog.LoggerOptions{Name: "shop-host", Level: hclog.Warn}),
	})
	defer client.Kill()
	rpcClient, err := client.Client()
	if err != nil {
		return fmt.Errorf("start: %w", err)
	}
	raw, err := rpcClient.Dispense(shopv1plugin.CatalogPluginName)
	if err != nil {
		return fmt.Errorf("dispense catalog: %w", err)
	}
	catalog := raw.(shopv1plugin.Catalog)
	raw, err = rpcClient.Dispense(shopv1plugin.CartPluginName)
	if err != nil {
		return fmt.Errorf("dispense cart: %w", err)
	}
	cart := raw.(shopv1plugin.Cart)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	if _, err := catalog.GetProduct(ctx, &shoppb.GetProductRequest{Sku: "sku-1"}); err != nil {
		return fmt.Errorf("catalog.GetProduct: %w", err)
	}
	fmt.Println("catalog.GetProduct: ok")
	count := 0
	for _, err := range catalog.ListProducts(ctx, &shoppb.ListProductsRequest{Prefix: "sku"}) {
		if err != nil {
			return fmt.Errorf("catalog.ListProducts: %w", err)
		}
		count++
	}
	fmt.Printf("catalog.ListProducts: %d product(s)\n", count)
	if _, err := cart.AddItems(ctx, products(3)); err != nil {
		return fmt.Errorf("cart.AddItems: %w", err)
	}
	fmt.Println("cart.AddItems: ok")
	count = 0
	for _, err := range cart.Watch(ctx, products(2)) {
		if err != nil {
			return fmt.Errorf("cart.Watch: %w", err)
		}
		count++
	}
	fmt.Printf("cart.Watch: %d receipt(s)\n", count)
	return nil
}
