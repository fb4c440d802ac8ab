// Package shared is what the test host and the test plugin agree on: the handshake defaults,
// the go-plugin wrapper around the Greeter service generated from example_protos/greeter.proto,
// and the parsing of protocol version lists.
//
// It is deliberately thin. The host dispenses the generated gRPC client itself rather than a
// hand-written Go interface, so that what the interop tests see is exactly what travels on the
// wire, with no adapter in between that could hide a difference.
package shared

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	pb "yourapp/proto/greeter"
)

// PluginName is the name both sides use in their plugin sets, as the lesson's host does.
const PluginName = "greeter"

// DefaultCookieKey and DefaultCookieValue are the lesson's magic cookie. The cookie is not a
// security measure, only a check that the plugin was started by a host and not by hand.
const (
	DefaultCookieKey   = "GREETER_PLUGIN"
	DefaultCookieValue = "hello"
)

// GreeterPlugin is go-plugin's GRPCPlugin for the Greeter service. Impl is set in the plugin
// process only; the host uses the same type with Impl nil, as go-plugin expects.
type GreeterPlugin struct {
	// NetRPCUnsupportedPlugin fills in the net/rpc half of plugin.Plugin: these processes
	// speak gRPC only, like every plugin a Python host can load.
	plugin.NetRPCUnsupportedPlugin
	Impl pb.GreeterServer
}

// GRPCServer registers the implementation on the plugin's gRPC server.
func (p *GreeterPlugin) GRPCServer(_ *plugin.GRPCBroker, s *grpc.Server) error {
	if p.Impl == nil {
		return fmt.Errorf("GreeterPlugin.GRPCServer called without an implementation")
	}
	pb.RegisterGreeterServer(s, p.Impl)
	return nil
}

// GRPCClient hands the host the generated client: both RPCs, unwrapped.
func (p *GreeterPlugin) GRPCClient(_ context.Context, _ *plugin.GRPCBroker, c *grpc.ClientConn) (interface{}, error) {
	return pb.NewGreeterClient(c), nil
}

// ParseVersions turns "1,2" into [1 2] (sorted, deduplicated). Unlike go-plugin's own parsing,
// which skips bad entries silently, a typo here is an error: a test must not pass by accident.
func ParseVersions(list string) ([]int, error) {
	seen := map[int]bool{}
	var versions []int
	for _, field := range strings.Split(list, ",") {
		field = strings.TrimSpace(field)
		if field == "" {
			continue
		}
		v, err := strconv.Atoi(field)
		if err != nil || v < 1 {
			return nil, fmt.Errorf("invalid protocol version %q in %q: want positive integers like 1,2", field, list)
		}
		if !seen[v] {
			seen[v] = true
			versions = append(versions, v)
		}
	}
	if len(versions) == 0 {
		return nil, fmt.Errorf("no protocol versions in %q", list)
	}
	sort.Ints(versions)
	return versions, nil
}
