// Command kv-plugin is a go-plugin plugin for go-plugin's KV example proto, written only against
// the generated package yourapp/proto/kv/protoplugin: it keeps each value in the file kv_KEY of
// its working directory, as the example plugins (Go and Python) do; a missing key is NotFound.
package main

import (
	"context"
	"errors"
	"io/fs"
	"os"

	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	kvpb "yourapp/proto/kv"
	"yourapp/proto/kv/protoplugin"
)

type kv struct{}

func (kv) Get(ctx context.Context, req *kvpb.GetRequest) (*kvpb.GetResponse, error) {
	value, err := os.ReadFile("kv_" + req.GetKey())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, status.Errorf(codes.NotFound, "no value for key %q", req.GetKey())
	}
	if err != nil {
		return nil, err
	}
	return &kvpb.GetResponse{Value: value}, nil
}

func (kv) Put(ctx context.Context, req *kvpb.PutRequest) (*kvpb.Empty, error) {
	return &kvpb.Empty{}, os.WriteFile("kv_"+req.GetKey(), req.GetValue(), 0o644)
}

func main() {
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: protoplugin.Handshake,
		Plugins: plugin.PluginSet{
			protoplugin.KVPluginName: &protoplugin.KVGRPCPlugin{Impl: kv{}},
		},
		GRPCServer: plugin.DefaultGRPCServer,
	})
}
