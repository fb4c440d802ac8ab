// Command kinds-plugin is a go-plugin plugin for example_protos/kinds.proto, written only
// against the generated package yourapp/proto/kinds/v1/kindsv1plugin: an Inventory (one RPC of
// each kind) and an Audit, answering as the Python one (tests/interop/plugins/gen_kinds_plugin.py)
// does. The store starts with apple 3, apricot 5 and banana 7.
package main

import (
	"context"
	"iter"
	"slices"
	"strings"
	"sync"

	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"

	kindspb "yourapp/proto/kinds/v1"
	"yourapp/proto/kinds/v1/kindsv1plugin"
)

type inventory struct {
	mu    sync.Mutex
	items map[string]int64
}

func item(name string, count int64) *kindspb.Item {
	return &kindspb.Item{Key: &kindspb.Item_Key{Name: name}, Count: count}
}

func (s *inventory) store(one *kindspb.Item) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[one.GetKey().GetName()] = one.GetCount()
}

func (s *inventory) Get(ctx context.Context, req *kindspb.Item_Key) (*kindspb.Item, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	count, ok := s.items[req.GetName()]
	if !ok {
		return nil, status.Errorf(codes.NotFound, "no item %q", req.GetName())
	}
	return item(req.GetName(), count), nil
}

func (s *inventory) List(ctx context.Context, req *kindspb.ListRequest) iter.Seq2[*kindspb.Item, error] {
	s.mu.Lock()
	var found []*kindspb.Item
	for name, count := range s.items {
		if strings.HasPrefix(name, req.GetPrefix()) {
			found = append(found, item(name, count))
		}
	}
	s.mu.Unlock()
	slices.SortFunc(found, func(a, b *kindspb.Item) int {
		return strings.Compare(a.GetKey().GetName(), b.GetKey().GetName())
	})
	return func(yield func(*kindspb.Item, error) bool) {
		for _, one := range found {
			if !yield(one, nil) {
				return
			}
		}
	}
}

func (s *inventory) Put(ctx context.Context, reqs iter.Seq2[*kindspb.Item, error]) (*kindspb.PutSummary, error) {
	var stored int32
	for one, err := range reqs {
		if err != nil {
			return nil, err
		}
		s.store(one)
		stored++
	}
	return &kindspb.PutSummary{Stored: stored}, nil
}

func (s *inventory) Sync(ctx context.Context, reqs iter.Seq2[*kindspb.Item, error]) iter.Seq2[*kindspb.Item, error] {
	return func(yield func(*kindspb.Item, error) bool) {
		for one, err := range reqs {
			if err != nil {
				yield(nil, err)
				return
			}
			s.store(one)
			if !yield(one, nil) {
				return
			}
		}
	}
}

type audit struct{}

func (audit) Record(ctx context.Context, req *kindspb.Item) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (audit) GetHTTPStatus(ctx context.Context, req *emptypb.Empty) (*kindspb.Item, error) {
	return item("http", 200), nil
}

func main() {
	store := &inventory{items: map[string]int64{"apple": 3, "apricot": 5, "banana": 7}}
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: kindsv1plugin.Handshake,
		Plugins: plugin.PluginSet{
			kindsv1plugin.InventoryPluginName: &kindsv1plugin.InventoryGRPCPlugin{Impl: store},
			kindsv1plugin.AuditPluginName:     &kindsv1plugin.AuditGRPCPlugin{Impl: audit{}},
		},
		GRPCServer: plugin.DefaultGRPCServer,
	})
}
