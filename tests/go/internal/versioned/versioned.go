// Package versioned is what the versioned test host and plugin agree on: versions 1 and 2 of
// the greeter protocol (example_protos/greeter/v1 and v2, packages greeter.v1 and greeter.v2),
// each wrapped as its own go-plugin GRPCPlugin, and the handshake gen-plugin derives for them.
//
// The two versions are different gRPC services on the wire (/greeter.v1.Greeter/Greet and
// /greeter.v2.Greeter/Greet), exactly as the Python side generates them, so a test that
// negotiates version 2 and calls Farewell proves that the v2 plugin set was the one served.
package versioned

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	"yourapp/internal/shared"
	greeterv1 "yourapp/proto/greeter/v1"
	greeterv2 "yourapp/proto/greeter/v2"
)

// PluginName is the plugin's name in every version's plugin set, as gen-plugin names it.
const PluginName = "greeter"

// CookieKey is the magic cookie key gen-plugin derives for package greeter.vN.
const CookieKey = "GREETER_PLUGIN"

// CookieValue is the cookie value gen-plugin derives for every version of package greeter:
// the hex SHA-256 of "pyplugin:" and the package without its version component (see
// generator/naming.py, default_cookie_value). Computed rather than pasted, so the derivation
// is written down on both sides.
var CookieValue = func() string {
	sum := sha256.Sum256([]byte("pyplugin:greeter"))
	return hex.EncodeToString(sum[:])
}()

// V1Plugin is the GRPCPlugin of version 1. Impl is set in the plugin process only.
type V1Plugin struct {
	plugin.NetRPCUnsupportedPlugin
	Impl greeterv1.GreeterServer
}

// GRPCServer registers the version 1 service.
func (p *V1Plugin) GRPCServer(_ *plugin.GRPCBroker, s *grpc.Server) error {
	if p.Impl == nil {
		return fmt.Errorf("V1Plugin.GRPCServer called without an implementation")
	}
	greeterv1.RegisterGreeterServer(s, p.Impl)
	return nil
}

// GRPCClient hands the host the generated version 1 client.
func (p *V1Plugin) GRPCClient(_ context.Context, _ *plugin.GRPCBroker, c *grpc.ClientConn) (interface{}, error) {
	return greeterv1.NewGreeterClient(c), nil
}

// V2Plugin is the GRPCPlugin of version 2. Impl is set in the plugin process only.
type V2Plugin struct {
	plugin.NetRPCUnsupportedPlugin
	Impl greeterv2.GreeterServer
}

// GRPCServer registers the version 2 service.
func (p *V2Plugin) GRPCServer(_ *plugin.GRPCBroker, s *grpc.Server) error {
	if p.Impl == nil {
		return fmt.Errorf("V2Plugin.GRPCServer called without an implementation")
	}
	greeterv2.RegisterGreeterServer(s, p.Impl)
	return nil
}

// GRPCClient hands the host the generated version 2 client.
func (p *V2Plugin) GRPCClient(_ context.Context, _ *plugin.GRPCBroker, c *grpc.ClientConn) (interface{}, error) {
	return greeterv2.NewGreeterClient(c), nil
}

// ParseVersions accepts only the versions this package knows, 1 and 2.
func ParseVersions(list string) ([]int, error) {
	versions, err := shared.ParseVersions(list)
	if err != nil {
		return nil, err
	}
	for _, v := range versions {
		if v != 1 && v != 2 {
			return nil, fmt.Errorf("protocol version %d in %q: the greeter protocol has versions 1 and 2", v, list)
		}
	}
	return versions, nil
}
