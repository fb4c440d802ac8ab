// Command greeter-plugin is a go-plugin plugin written only against the generated package
// yourapp/proto/greeter/greeterplugin: the implementation below is all its author writes.
// Greet answers "Hello, NAME!"; GreetStream sends "Hello NAME, message I" for I in 0..4, as the
// Python example plugin (examples/greeter/main.py) does.
package main

import (
	"context"
	"fmt"
	"iter"

	plugin "github.com/hashicorp/go-plugin"

	greeterpb "yourapp/proto/greeter"
	"yourapp/proto/greeter/greeterplugin"
)

type greeter struct{}

func (greeter) Greet(ctx context.Context, req *greeterpb.GreetRequest) (*greeterpb.GreetResponse, error) {
	return &greeterpb.GreetResponse{Greeting: fmt.Sprintf("Hello, %s!", req.GetName())}, nil
}

func (greeter) GreetStream(ctx context.Context, req *greeterpb.GreetRequest) iter.Seq2[*greeterpb.GreetResponse, error] {
	return func(yield func(*greeterpb.GreetResponse, error) bool) {
		for i := range 5 {
			reply := &greeterpb.GreetResponse{Greeting: fmt.Sprintf("Hello %s, message %d", req.GetName(), i)}
			if !yield(reply, nil) {
				return
			}
		}
	}
}

func main() {
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: greeterplugin.Handshake,
		Plugins: plugin.PluginSet{
			greeterplugin.GreeterPluginName: &greeterplugin.GreeterGRPCPlugin{Impl: greeter{}},
		},
		GRPCServer: plugin.DefaultGRPCServer,
	})
}
