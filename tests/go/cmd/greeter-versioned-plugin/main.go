// Command greeter-versioned-plugin is a go-plugin plugin serving versions 1 and 2 of the
// greeter protocol (packages greeter.v1 and greeter.v2), built by the interop tests so that a
// Python host offering several versions can be tested against the real thing.
//
// It behaves like examples/versioned/main.py: Greet answers "Hello, <name>!" on version 1 and
// "Hello, <title> <name>!" on version 2 (the title is a v2 field), GreetStream sends five
// greetings "Hello <name>, message <i>", and Farewell (v2 only) answers "Goodbye, <name>!".
//
//	GREETER_PLUGIN_VERSIONS=1,2   serve these app protocol versions (default 1,2)
package main

import (
	"context"
	"fmt"
	"os"

	plugin "github.com/hashicorp/go-plugin"

	"yourapp/internal/versioned"
	greeterv1 "yourapp/proto/greeter/v1"
	greeterv2 "yourapp/proto/greeter/v2"
)

type greeterV1 struct {
	greeterv1.UnimplementedGreeterServer
}

func (greeterV1) Greet(_ context.Context, req *greeterv1.GreetRequest) (*greeterv1.GreetResponse, error) {
	return &greeterv1.GreetResponse{Greeting: fmt.Sprintf("Hello, %s!", req.GetName())}, nil
}

func (greeterV1) GreetStream(req *greeterv1.GreetRequest, stream greeterv1.Greeter_GreetStreamServer) error {
	for i := 0; i < 5; i++ {
		greeting := fmt.Sprintf("Hello %s, message %d", req.GetName(), i)
		if err := stream.Send(&greeterv1.GreetResponse{Greeting: greeting}); err != nil {
			return err
		}
	}
	return nil
}

type greeterV2 struct {
	greeterv2.UnimplementedGreeterServer
}

func addressed(req *greeterv2.GreetRequest) string {
	if req.GetTitle() != "" {
		return req.GetTitle() + " " + req.GetName()
	}
	return req.GetName()
}

func (greeterV2) Greet(_ context.Context, req *greeterv2.GreetRequest) (*greeterv2.GreetResponse, error) {
	return &greeterv2.GreetResponse{Greeting: fmt.Sprintf("Hello, %s!", addressed(req))}, nil
}

func (greeterV2) GreetStream(req *greeterv2.GreetRequest, stream greeterv2.Greeter_GreetStreamServer) error {
	for i := 0; i < 5; i++ {
		greeting := fmt.Sprintf("Hello %s, message %d", addressed(req), i)
		if err := stream.Send(&greeterv2.GreetResponse{Greeting: greeting}); err != nil {
			return err
		}
	}
	return nil
}

func (greeterV2) Farewell(_ context.Context, req *greeterv2.FarewellRequest) (*greeterv2.FarewellResponse, error) {
	return &greeterv2.FarewellResponse{Farewell: fmt.Sprintf("Goodbye, %s!", req.GetName())}, nil
}

func main() {
	list := os.Getenv("GREETER_PLUGIN_VERSIONS")
	if list == "" {
		list = "1,2"
	}
	versions, err := versioned.ParseVersions(list)
	if err != nil {
		fmt.Fprintf(os.Stderr, "greeter-versioned-plugin: GREETER_PLUGIN_VERSIONS: %v\n", err)
		os.Exit(2)
	}
	sets := map[int]plugin.PluginSet{}
	for _, v := range versions {
		if v == 1 {
			sets[1] = plugin.PluginSet{versioned.PluginName: &versioned.V1Plugin{Impl: greeterV1{}}}
		} else {
			sets[2] = plugin.PluginSet{versioned.PluginName: &versioned.V2Plugin{Impl: greeterV2{}}}
		}
	}
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: plugin.HandshakeConfig{
			MagicCookieKey:   versioned.CookieKey,
			MagicCookieValue: versioned.CookieValue,
		},
		VersionedPlugins: sets,
		GRPCServer:       plugin.DefaultGRPCServer,
	})
}
