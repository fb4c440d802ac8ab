// Command bench-mixed is the Go side of bench/transport_bench.py, built against go-plugin v1.8.0
// by tests/interop/support/gobuild.py (the repository's one Go build). It has two modes:
//
//	bench-mixed host CONFIG.json > RESULTS.json
//	bench-mixed plugin
//
// host: one go-plugin host drives every plugin of CONFIG through the phases of the Python bench
// hosts (bench/transports/host_common.py), with the same JSON in and out: startup (launch ->
// handshake -> dispense -> first Greet answered, then Kill), idle RSS after start, unary Greet
// interleaved plugin by plugin, long and short GreetStreams (locale "count=N"), and the mixed
// load: MixedStreams long streams and MixedWorkers goroutines of MixedCalls Greets, all at once,
// recording every Greet's latency and when each stream ended.
//
// plugin: a go-plugin plugin serving the Greeter with GreetStream honouring "count=N": the
// floor every Python serving core is compared with.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	pb "yourapp/proto/greeter"
)

const pluginName = "greeter"

var handshake = plugin.HandshakeConfig{
	ProtocolVersion:  1,
	MagicCookieKey:   "GREETER_PLUGIN",
	MagicCookieValue: "hello",
}

// greeterPlugin is the GRPCPlugin both modes use; Impl is set in the plugin only.
type greeterPlugin struct {
	plugin.NetRPCUnsupportedPlugin
	Impl pb.GreeterServer
}

func (p *greeterPlugin) GRPCServer(_ *plugin.GRPCBroker, s *grpc.Server) error {
	if p.Impl == nil {
		return errors.New("bench-mixed: no implementation in the host")
	}
	pb.RegisterGreeterServer(s, p.Impl)
	return nil
}

func (p *greeterPlugin) GRPCClient(_ context.Context, _ *plugin.GRPCBroker, c *grpc.ClientConn) (interface{}, error) {
	return pb.NewGreeterClient(c), nil
}

// ---------------------------------------------------------------------------------------------
// plugin mode

type greeter struct {
	pb.UnimplementedGreeterServer
}

func (greeter) Greet(_ context.Context, req *pb.GreetRequest) (*pb.GreetResponse, error) {
	return &pb.GreetResponse{Greeting: "Hello, " + req.GetName() + "!"}, nil
}

func (greeter) GreetStream(req *pb.GreetRequest, stream pb.Greeter_GreetStreamServer) error {
	count := 5
	if rest, ok := strings.CutPrefix(req.GetLocale(), "count="); ok {
		n, err := strconv.Atoi(rest)
		if err != nil {
			return err
		}
		count = n
	}
	for i := 0; i < count; i++ {
		msg := &pb.GreetResponse{Greeting: fmt.Sprintf("Hello %s, message %d", req.GetName(), i)}
		if err := stream.Send(msg); err != nil {
			return err
		}
	}
	return nil
}

func servePlugin() {
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: handshake,
		Plugins:         plugin.PluginSet{pluginName: &greeterPlugin{Impl: greeter{}}},
		GRPCServer:      plugin.DefaultGRPCServer,
	})
}

// ---------------------------------------------------------------------------------------------
// host mode

type variant struct {
	Name string   `json:"name"`
	Cmd  []string `json:"cmd"`
}

type config struct {
	Variants          []variant `json:"variants"`
	StartupWarmup     int       `json:"startup_warmup"`
	StartupRounds     int       `json:"startup_rounds"`
	IdleSettleSeconds float64   `json:"idle_settle_seconds"`
	Warmup            int       `json:"warmup"`
	UnaryCalls        int       `json:"unary_calls"`
	StreamCount       int       `json:"stream_count"`
	StreamReps        int       `json:"stream_reps"`
	ShortCount        int       `json:"short_count"`
	ShortReps         int       `json:"short_reps"`
	MixedReps         int       `json:"mixed_reps"`
	MixedStreams      int       `json:"mixed_streams"`
	MixedStreamCount  int       `json:"mixed_stream_count"`
	MixedWorkers      int       `json:"mixed_workers"`
	MixedCalls        int       `json:"mixed_calls"`
	CallTimeout       float64   `json:"call_timeout_seconds"`
}

type streamSample struct {
	Seconds  float64 `json:"seconds"`
	Messages int     `json:"messages"`
}

type mixedSample struct {
	Unary        []float64 `json:"unary"`
	StreamFinish []float64 `json:"stream_finish"`
	Wall         float64   `json:"wall"`
}

type results struct {
	Startup   map[string][]float64      `json:"startup"`
	IdleRSSKB map[string]int            `json:"idle_rss_kb"`
	Unary     map[string][]float64      `json:"unary"`
	Stream    map[string][]streamSample `json:"stream"`
	Short     map[string][]float64      `json:"short"`
	Mixed     map[string][]mixedSample  `json:"mixed"`
}

type running struct {
	client  *plugin.Client
	greeter pb.GreeterClient
	pid     int
}

func start(v variant) (*running, error) {
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  handshake,
		Plugins:          plugin.PluginSet{pluginName: &greeterPlugin{}},
		Cmd:              exec.Command(v.Cmd[0], v.Cmd[1:]...),
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		Logger: hclog.New(&hclog.LoggerOptions{
			Name: "bench-mixed." + v.Name, Level: hclog.Warn, Output: os.Stderr,
		}),
	})
	rpc, err := client.Client()
	if err != nil {
		client.Kill()
		return nil, err
	}
	raw, err := rpc.Dispense(pluginName)
	if err != nil {
		client.Kill()
		return nil, err
	}
	r := &running{client: client, greeter: raw.(pb.GreeterClient), pid: -1}
	if rc := client.ReattachConfig(); rc != nil {
		r.pid = rc.Pid
	}
	return r, nil
}

func greet(g pb.GreeterClient, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	resp, err := g.Greet(ctx, &pb.GreetRequest{Name: "bench"})
	if err != nil {
		return err
	}
	if resp.GetGreeting() == "" {
		return errors.New("empty greeting")
	}
	return nil
}

func stream(g pb.GreeterClient, count int, timeout time.Duration) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	s, err := g.GreetStream(ctx, &pb.GreetRequest{Name: "bench", Locale: fmt.Sprintf("count=%d", count)})
	if err != nil {
		return 0, err
	}
	n := 0
	for {
		resp, err := s.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			return n, fmt.Errorf("after %d messages: %v", n, err)
		}
		if resp.GetGreeting() == "" {
			return n, errors.New("empty greeting")
		}
		n++
	}
	if n != count {
		return n, fmt.Errorf("got %d messages, asked for %d", n, count)
	}
	return n, nil
}

// rssKB is VmRSS of a process from /proc, or -1.
func rssKB(pid int) int {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	defer f.Close()
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		if fields := strings.Fields(scanner.Text()); len(fields) >= 2 && fields[0] == "VmRSS:" {
			kb, err := strconv.Atoi(fields[1])
			if err == nil {
				return kb
			}
		}
	}
	return -1
}

func rotated(n, start int) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = (start + i) % n
	}
	return order
}

func mixed(r *running, cfg config, timeout time.Duration) (mixedSample, error) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	gate := make(chan struct{})
	finished := make([]float64, cfg.MixedStreams)
	latencies := make([][]float64, cfg.MixedWorkers)
	var t0 time.Time
	for i := 0; i < cfg.MixedStreams; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-gate
			if _, err := stream(r.greeter, cfg.MixedStreamCount, timeout); err != nil {
				fail(err)
			}
			finished[i] = time.Since(t0).Seconds()
		}(i)
	}
	for i := 0; i < cfg.MixedWorkers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-gate
			own := make([]float64, 0, cfg.MixedCalls)
			for c := 0; c < cfg.MixedCalls; c++ {
				c0 := time.Now()
				if err := greet(r.greeter, timeout); err != nil {
					fail(err)
					return
				}
				own = append(own, time.Since(c0).Seconds())
			}
			latencies[i] = own
		}(i)
	}
	t0 = time.Now()
	close(gate)
	wg.Wait()
	wall := time.Since(t0).Seconds()
	if firstErr != nil {
		return mixedSample{}, firstErr
	}
	var all []float64
	for _, own := range latencies {
		all = append(all, own...)
	}
	sortFloats(finished)
	return mixedSample{Unary: all, StreamFinish: finished, Wall: wall}, nil
}

func sortFloats(xs []float64) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func run(cfg config) (*results, error) {
	timeout := time.Duration(cfg.CallTimeout * float64(time.Second))
	res := &results{
		Startup: map[string][]float64{}, IdleRSSKB: map[string]int{}, Unary: map[string][]float64{},
		Stream: map[string][]streamSample{}, Short: map[string][]float64{}, Mixed: map[string][]mixedSample{},
	}
	vs := cfg.Variants
	for round := 0; round < cfg.StartupWarmup+cfg.StartupRounds; round++ {
		for _, i := range rotated(len(vs), round) {
			t0 := time.Now()
			r, err := start(vs[i])
			if err != nil {
				return nil, fmt.Errorf("startup %s: %v", vs[i].Name, err)
			}
			err = greet(r.greeter, timeout)
			elapsed := time.Since(t0).Seconds()
			r.client.Kill()
			if err != nil {
				return nil, fmt.Errorf("startup %s: greet: %v", vs[i].Name, err)
			}
			if round >= cfg.StartupWarmup {
				res.Startup[vs[i].Name] = append(res.Startup[vs[i].Name], elapsed)
			}
		}
	}

	plugins := map[string]*running{}
	defer func() {
		for _, r := range plugins {
			r.client.Kill()
		}
	}()
	for _, v := range vs {
		r, err := start(v)
		if err != nil {
			return nil, fmt.Errorf("start %s: %v", v.Name, err)
		}
		plugins[v.Name] = r
		if err := greet(r.greeter, timeout); err != nil {
			return nil, fmt.Errorf("greet %s: %v", v.Name, err)
		}
	}
	time.Sleep(time.Duration(cfg.IdleSettleSeconds * float64(time.Second)))
	for _, v := range vs {
		res.IdleRSSKB[v.Name] = rssKB(plugins[v.Name].pid)
	}

	for call := 0; call < cfg.Warmup+cfg.UnaryCalls; call++ {
		for _, i := range rotated(len(vs), call) {
			t0 := time.Now()
			if err := greet(plugins[vs[i].Name].greeter, timeout); err != nil {
				return nil, fmt.Errorf("greet %s: %v", vs[i].Name, err)
			}
			if call >= cfg.Warmup {
				res.Unary[vs[i].Name] = append(res.Unary[vs[i].Name], time.Since(t0).Seconds())
			}
		}
	}

	for _, v := range vs {
		if _, err := stream(plugins[v.Name].greeter, 100, timeout); err != nil {
			return nil, fmt.Errorf("stream warm-up %s: %v", v.Name, err)
		}
	}
	for rep := 0; rep < cfg.StreamReps; rep++ {
		for _, i := range rotated(len(vs), rep) {
			t0 := time.Now()
			n, err := stream(plugins[vs[i].Name].greeter, cfg.StreamCount, timeout)
			if err != nil {
				return nil, fmt.Errorf("stream %s: %v", vs[i].Name, err)
			}
			res.Stream[vs[i].Name] = append(res.Stream[vs[i].Name], streamSample{time.Since(t0).Seconds(), n})
		}
	}
	for rep := 0; rep < cfg.ShortReps; rep++ {
		for _, i := range rotated(len(vs), rep) {
			t0 := time.Now()
			if _, err := stream(plugins[vs[i].Name].greeter, cfg.ShortCount, timeout); err != nil {
				return nil, fmt.Errorf("short stream %s: %v", vs[i].Name, err)
			}
			res.Short[vs[i].Name] = append(res.Short[vs[i].Name], time.Since(t0).Seconds())
		}
	}
	for rep := 0; rep < cfg.MixedReps; rep++ {
		for _, i := range rotated(len(vs), rep) {
			m, err := mixed(plugins[vs[i].Name], cfg, timeout)
			if err != nil {
				return nil, fmt.Errorf("mixed %s: %v", vs[i].Name, err)
			}
			res.Mixed[vs[i].Name] = append(res.Mixed[vs[i].Name], m)
		}
	}
	return res, nil
}

func hostMain(path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench-mixed: %v\n", err)
		return 2
	}
	var cfg config
	if err := json.Unmarshal(data, &cfg); err != nil {
		fmt.Fprintf(os.Stderr, "bench-mixed: %s: %v\n", path, err)
		return 2
	}
	res, err := run(cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench-mixed: %v\n", err)
		return 1
	}
	if err := json.NewEncoder(os.Stdout).Encode(res); err != nil {
		fmt.Fprintf(os.Stderr, "bench-mixed: %v\n", err)
		return 1
	}
	return 0
}

func main() {
	switch {
	case len(os.Args) == 2 && os.Args[1] == "plugin":
		servePlugin()
	case len(os.Args) == 3 && os.Args[1] == "host":
		os.Exit(hostMain(os.Args[2]))
	default:
		fmt.Fprintln(os.Stderr, "usage: bench-mixed host CONFIG.json > RESULTS.json | bench-mixed plugin")
		os.Exit(2)
	}
}
