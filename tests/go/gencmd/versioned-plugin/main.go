// Command versioned-plugin is a go-plugin plugin written only against the generated packages of
// the versioned greeter: it serves both versions (VERSIONED_PLUGIN_VERSIONS=1 or 2 serves only
// that one), answering as the Python example does (examples/versioned/main.py): "Hello,
// [TITLE ]NAME!", five stream messages, and on version 2 "Goodbye, NAME!".
package main

import (
	"context"
	"fmt"
	"iter"
	"os"

	plugin "github.com/hashicorp/go-plugin"

	"yourapp/proto/greeter/greeterversions"
	greeterv1 "yourapp/proto/greeter/v1"
	"yourapp/proto/greeter/v1/greeterv1plugin"
	greeterv2 "yourapp/proto/greeter/v2"
	"yourapp/proto/greeter/v2/greeterv2plugin"
)

func addressed(title, name string) string {
	if title == "" {
		return name
	}
	return title + " " + name
}

type v2 struct{}

func (v2) Greet(ctx context.Context, req *greeterv2.GreetRequest) (*greeterv2.GreetResponse, error) {
	return &greeterv2.GreetResponse{Greeting: fmt.Sprintf("Hello, %s!", addressed(req.GetTitle(), req.GetName()))}, nil
}

func (v2) GreetStream(ctx context.Context, req *greeterv2.GreetRequest) iter.Seq2[*greeterv2.GreetResponse, error] {
	return func(yield func(*greeterv2.GreetResponse, error) bool) {
		for i := range 5 {
			greeting := fmt.Sprintf("Hello %s, message %d", addressed(req.GetTitle(), req.GetName()), i)
			if !yield(&greeterv2.GreetResponse{Greeting: greeting}, nil) {
				return
			}
		}
	}
}

func (v2) Farewell(ctx context.Context, req *greeterv2.FarewellRequest) (*greeterv2.FarewellResponse, error) {
	return &greeterv2.FarewellResponse{Farewell: fmt.Sprintf("Goodbye, %s!", req.GetName())}, nil
}

// v1 is version 1 for hosts that only know it: version 2 without a title.
type v1 struct{ v2 v2 }

func (g v1) Greet(ctx context.Context, req *greeterv1.GreetRequest) (*greeterv1.GreetResponse, error) {
	reply, err := g.v2.Greet(ctx, &greeterv2.GreetRequest{Name: req.GetName(), Locale: req.GetLocale()})
	if err != nil {
		return nil, err
	}
	return &greeterv1.GreetResponse{Greeting: reply.GetGreeting()}, nil
}

func (g v1) GreetStream(ctx context.Context, req *greeterv1.GreetRequest) iter.Seq2[*greeterv1.GreetResponse, error] {
	return func(yield func(*greeterv1.GreetResponse, error) bool) {
		for reply, err := range g.v2.GreetStream(ctx, &greeterv2.GreetRequest{Name: req.GetName()}) {
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(&greeterv1.GreetResponse{Greeting: reply.GetGreeting()}, nil) {
				return
			}
		}
	}
}

func main() {
	sets := map[int]plugin.PluginSet{
		1: {greeterv1plugin.GreeterPluginName: &greeterv1plugin.GreeterGRPCPlugin{Impl: v1{}}},
		2: {greeterv2plugin.GreeterPluginName: &greeterv2plugin.GreeterGRPCPlugin{Impl: v2{}}},
	}
	switch os.Getenv("VERSIONED_PLUGIN_VERSIONS") {
	case "1":
		delete(sets, 2)
	case "2":
		delete(sets, 1)
	}
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig:  greeterversions.Handshake,
		VersionedPlugins: sets,
		GRPCServer:       plugin.DefaultGRPCServer,
	})
}
