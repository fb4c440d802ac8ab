// Command bench-host is the one go-plugin host (v1.8.0) that drives every greeter plugin the bench
// compares, so that the host side (Go, grpc-go, go-plugin's launch/handshake/kill code) is the
// same for all of them and only the plugin differs.
//
// Usage:
//
//	bench-host CONFIG.json > RESULTS.json
//
// CONFIG names the plugin variants (each a command line) and how many samples to take. The host
// runs three phases and prints every raw sample as JSON; the Python driver
// (bench/runtime_bench.py) computes percentiles and ratios:
//
//  1. startup: per round, for each variant in turn (the starting variant rotates each round so
//     no variant always runs first): launch -> handshake -> dispense -> first Greet answered, then
//     Kill (Shutdown, wait for exit; go-plugin SIGKILLs after 2 s and logs "plugin failed to exit
//     gracefully", which is counted). Only one plugin process is alive at a time.
//  2. unary: all load variants started together and warmed up; then call i goes to every variant
//     in turn (ABCABC...), so machine noise hits all of them alike.
//  3. stream: GreetStream with locale "count=N" (a bench-only convention the bench plugins
//     honour), variants interleaved per repetition; time from the call to io.EOF.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/ioutil"
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

// greeterPlugin hands the host the generated gRPC client, unwrapped: what is timed is exactly
// what travels on the wire.
type greeterPlugin struct {
	plugin.NetRPCUnsupportedPlugin
}

func (greeterPlugin) GRPCServer(*plugin.GRPCBroker, *grpc.Server) error {
	return errors.New("bench-host only hosts plugins")
}

func (greeterPlugin) GRPCClient(_ context.Context, _ *plugin.GRPCBroker, c *grpc.ClientConn) (interface{}, error) {
	return pb.NewGreeterClient(c), nil
}

type variant struct {
	Name   string   `json:"name"`
	Cmd    []string `json:"cmd"`
	Unary  bool     `json:"unary"`  // take part in the unary phase
	Stream bool     `json:"stream"` // honours locale "count=N" in GreetStream
	// AutoMTLS turns on go-plugin's AutoMTLS for this variant, as Terraform and Vault do.
	AutoMTLS bool `json:"automtls"`
}

type config struct {
	Variants      []variant `json:"variants"`
	StartupWarmup int       `json:"startup_warmup"` // untimed rounds: fill OS and bytecode caches
	StartupRounds int       `json:"startup_rounds"`
	Warmup        int       `json:"warmup"`
	UnaryCalls    int       `json:"unary_calls"`
	StreamCount   int       `json:"stream_count"`
	StreamReps    int       `json:"stream_reps"`
	CallTimeout   float64   `json:"call_timeout_seconds"`
}

type startupSample struct {
	Handshake float64 `json:"handshake"` // launch -> handshake line parsed (client.Client())
	Total     float64 `json:"total"`     // launch -> first Greet answered
	Kill      float64 `json:"kill"`      // client.Kill() duration
	Forced    bool    `json:"forced"`    // go-plugin had to SIGKILL the plugin
}

type streamSample struct {
	Seconds  float64 `json:"seconds"`
	Messages int     `json:"messages"`
	CPU      float64 `json:"cpu"` // plugin process CPU seconds (user+sys) spent on it, -1 unknown
}

type results struct {
	Startup map[string][]startupSample `json:"startup"`
	Unary   map[string][]float64       `json:"unary"` // seconds per call
	// Plugin CPU seconds over all timed unary calls (-1 unknown). CPU time is what a busy,
	// shared machine disturbs least: other processes delay a plugin but do not make it work more.
	UnaryCPU map[string]float64        `json:"unary_cpu"`
	Stream   map[string][]streamSample `json:"stream"`
}

// watchWriter forwards go-plugin's log to stderr and notes a forced kill.
type watchWriter struct {
	mu     sync.Mutex
	forced bool
}

func (w *watchWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	if bytes.Contains(p, []byte("plugin failed to exit gracefully")) {
		w.forced = true
	}
	w.mu.Unlock()
	return os.Stderr.Write(p)
}

func (w *watchWriter) wasForced() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.forced
}

type running struct {
	client  *plugin.Client
	greeter pb.GreeterClient
	pid     int
}

// userHZ is Linux's USER_HZ, the unit of /proc/PID/stat times (100 on every mainstream arch).
const userHZ = 100

// cpuSeconds is the user+system CPU time a process has used so far, or -1 where /proc is not.
func cpuSeconds(pid int) float64 {
	data, err := ioutil.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return -1
	}
	// The command name (field 2) may hold spaces; the fields after its ')' are fixed.
	fields := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(fields) < 13 {
		return -1
	}
	utime, err1 := strconv.ParseFloat(fields[11], 64)
	stime, err2 := strconv.ParseFloat(fields[12], 64)
	if err1 != nil || err2 != nil {
		return -1
	}
	return (utime + stime) / userHZ
}

func cpuSince(pid int, before float64) float64 {
	after := cpuSeconds(pid)
	if before < 0 || after < 0 {
		return -1
	}
	return after - before
}

// newClient configures (does not launch) a go-plugin client for one variant.
func newClient(v variant, log *watchWriter) *plugin.Client {
	return plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig: plugin.HandshakeConfig{
			ProtocolVersion:  1,
			MagicCookieKey:   "GREETER_PLUGIN",
			MagicCookieValue: "hello",
		},
		Plugins:          plugin.PluginSet{pluginName: greeterPlugin{}},
		Cmd:              exec.Command(v.Cmd[0], v.Cmd[1:]...),
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		AutoMTLS:         v.AutoMTLS,
		// Warn: the plugins' stderr (logged at Debug) stays out of the timings and the output.
		Logger: hclog.New(&hclog.LoggerOptions{Name: "bench-host." + v.Name, Level: hclog.Warn, Output: log}),
	})
}

func start(v variant) (*running, error) {
	client := newClient(v, &watchWriter{})
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

func startupOnce(v variant, timeout time.Duration) (startupSample, error) {
	t0 := time.Now()
	log := &watchWriter{}
	client := newClient(v, log)
	defer client.Kill()
	rpc, err := client.Client()
	if err != nil {
		return startupSample{}, fmt.Errorf("start: %v", err)
	}
	handshake := time.Since(t0)
	raw, err := rpc.Dispense(pluginName)
	if err != nil {
		return startupSample{}, fmt.Errorf("dispense: %v", err)
	}
	if err := greet(raw.(pb.GreeterClient), timeout); err != nil {
		return startupSample{}, fmt.Errorf("greet: %v", err)
	}
	total := time.Since(t0)
	t1 := time.Now()
	client.Kill()
	kill := time.Since(t1)
	return startupSample{
		Handshake: handshake.Seconds(),
		Total:     total.Seconds(),
		Kill:      kill.Seconds(),
		Forced:    log.wasForced(),
	}, nil
}

func stream(r *running, count int, timeout time.Duration) (streamSample, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	g := r.greeter
	cpu0 := cpuSeconds(r.pid)
	t0 := time.Now()
	s, err := g.GreetStream(ctx, &pb.GreetRequest{Name: "bench", Locale: fmt.Sprintf("count=%d", count)})
	if err != nil {
		return streamSample{}, err
	}
	n := 0
	for {
		resp, err := s.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			return streamSample{}, fmt.Errorf("after %d messages: %v", n, err)
		}
		if resp.GetGreeting() == "" {
			return streamSample{}, errors.New("empty greeting")
		}
		n++
	}
	elapsed := time.Since(t0)
	if n != count {
		return streamSample{}, fmt.Errorf("got %d messages, asked for %d", n, count)
	}
	return streamSample{Seconds: elapsed.Seconds(), Messages: n, CPU: cpuSince(r.pid, cpu0)}, nil
}

// rotated returns the indexes 0..n-1 starting at round % n.
func rotated(n, round int) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = (round + i) % n
	}
	return order
}

func run(cfg config) (*results, error) {
	timeout := time.Duration(cfg.CallTimeout * float64(time.Second))
	res := &results{
		Startup:  map[string][]startupSample{},
		Unary:    map[string][]float64{},
		UnaryCPU: map[string]float64{},
		Stream:   map[string][]streamSample{},
	}

	for round := 0; round < cfg.StartupWarmup+cfg.StartupRounds; round++ {
		for _, i := range rotated(len(cfg.Variants), round) {
			v := cfg.Variants[i]
			s, err := startupOnce(v, timeout)
			if err != nil {
				return nil, fmt.Errorf("startup %s: %v", v.Name, err)
			}
			if round >= cfg.StartupWarmup {
				res.Startup[v.Name] = append(res.Startup[v.Name], s)
			}
		}
	}

	var load []variant
	for _, v := range cfg.Variants {
		if v.Unary || v.Stream {
			load = append(load, v)
		}
	}
	plugins := map[string]*running{}
	defer func() {
		for _, r := range plugins {
			r.client.Kill()
		}
	}()
	for _, v := range load {
		r, err := start(v)
		if err != nil {
			return nil, fmt.Errorf("start %s: %v", v.Name, err)
		}
		plugins[v.Name] = r
	}

	var unary []variant
	for _, v := range load {
		if v.Unary {
			unary = append(unary, v)
		}
	}
	cpu0 := map[string]float64{}
	for call := 0; call < cfg.Warmup+cfg.UnaryCalls; call++ {
		if call == cfg.Warmup {
			for _, v := range unary {
				cpu0[v.Name] = cpuSeconds(plugins[v.Name].pid)
			}
		}
		for _, i := range rotated(len(unary), call) {
			v := unary[i]
			t0 := time.Now()
			if err := greet(plugins[v.Name].greeter, timeout); err != nil {
				return nil, fmt.Errorf("greet %s: %v", v.Name, err)
			}
			if call >= cfg.Warmup {
				res.Unary[v.Name] = append(res.Unary[v.Name], time.Since(t0).Seconds())
			}
		}
	}

	for _, v := range unary {
		if cfg.UnaryCalls > 0 {
			res.UnaryCPU[v.Name] = cpuSince(plugins[v.Name].pid, cpu0[v.Name])
		}
	}

	var streaming []variant
	for _, v := range load {
		if v.Stream {
			streaming = append(streaming, v)
		}
	}
	// One short stream each first: the first stream call pays for lazy setup in every runtime.
	for _, v := range streaming {
		if _, err := stream(plugins[v.Name], 100, timeout); err != nil {
			return nil, fmt.Errorf("stream warm-up %s: %v", v.Name, err)
		}
	}
	for rep := 0; rep < cfg.StreamReps; rep++ {
		for _, i := range rotated(len(streaming), rep) {
			v := streaming[i]
			s, err := stream(plugins[v.Name], cfg.StreamCount, timeout)
			if err != nil {
				return nil, fmt.Errorf("stream %s: %v", v.Name, err)
			}
			res.Stream[v.Name] = append(res.Stream[v.Name], s)
		}
	}
	return res, nil
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: bench-host CONFIG.json > RESULTS.json")
		os.Exit(2)
	}
	data, err := ioutil.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench-host: %v\n", err)
		os.Exit(2)
	}
	var cfg config
	if err := json.Unmarshal(data, &cfg); err != nil {
		fmt.Fprintf(os.Stderr, "bench-host: %s: %v\n", os.Args[1], err)
		os.Exit(2)
	}
	res, err := run(cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench-host: %v\n", err)
		os.Exit(1)
	}
	if err := json.NewEncoder(os.Stdout).Encode(res); err != nil {
		fmt.Fprintf(os.Stderr, "bench-host: %v\n", err)
		os.Exit(1)
	}
}
