// Command counter-plugin is a go-plugin plugin for go-plugin's bidirectional example proto,
// written only against the generated package yourapp/proto/counter/protoplugin: Put dials the
// host's AddHelper named in the request (DialAddHelper, through BrokerFromContext) to add to the
// count kept in the file kv_KEY ({"Value":N}, as the example plugins keep it).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"

	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	counterpb "yourapp/proto/counter"
	"yourapp/proto/counter/protoplugin"
)

type stored struct {
	Value int64
}

type counter struct{}

func (counter) Get(ctx context.Context, req *counterpb.GetRequest) (*counterpb.GetResponse, error) {
	data, err := os.ReadFile("kv_" + req.GetKey())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, status.Errorf(codes.NotFound, "no value for key %q", req.GetKey())
	}
	if err != nil {
		return nil, err
	}
	var value stored
	if err := json.Unmarshal(data, &value); err != nil {
		return nil, err
	}
	return &counterpb.GetResponse{Value: value.Value}, nil
}

func (c counter) Put(ctx context.Context, req *counterpb.PutRequest) (*counterpb.Empty, error) {
	var current int64
	if reply, err := c.Get(ctx, &counterpb.GetRequest{Key: req.GetKey()}); err == nil {
		current = reply.GetValue()
	}
	adder, closeAdder, err := protoplugin.DialAddHelper(protoplugin.BrokerFromContext(ctx), req.GetAddServer())
	if err != nil {
		return nil, err
	}
	defer closeAdder()
	sum, err := adder.Sum(ctx, &counterpb.SumRequest{A: current, B: req.GetValue()})
	if err != nil {
		return nil, err
	}
	data, err := json.Marshal(stored{Value: sum.GetR()})
	if err != nil {
		return nil, err
	}
	return &counterpb.Empty{}, os.WriteFile("kv_"+req.GetKey(), data, 0o644)
}

func main() {
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: protoplugin.Handshake,
		Plugins: plugin.PluginSet{
			protoplugin.CounterPluginName: &protoplugin.CounterGRPCPlugin{Impl: counter{}},
		},
		GRPCServer: plugin.DefaultGRPCServer,
	})
}
