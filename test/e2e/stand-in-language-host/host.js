// TEST ONLY: a stand-in for the Node.js language host (pulumi-language-nodejs), whose Go module the Go proxy
// here does not serve at any version. It serves the LanguageRuntime protocol with @pulumi/pulumi's own stubs
// and starts the same programs the real host starts, with the same arguments and environment
// (sdk/nodejs/cmd/pulumi-language-nodejs/main.go: Run -> constructArguments/execRuntime; RunPlugin):
// `node @pulumi/pulumi/cmd/run --monitor ... <entry>` for programs and
// `node @pulumi/pulumi/cmd/run-policy-pack <engine> <pack dir>` for policy packs.
// What it leaves out: the monitor proxy and sync pipes (the program talks to the engine's monitor directly),
// debugger attach, dependency installs, code generation.
"use strict";
const path = require("path");
const fs = require("fs");
const { spawn } = require("child_process");
const root = path.resolve(__dirname, "..", "..", "..");
const sdk = (p) => require(require.resolve(`@pulumi/pulumi/${p}`, { paths: [root] }));
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [require.resolve("@pulumi/pulumi", { paths: [root] })] }));
const languageRpc = sdk("proto/language_grpc_pb");
const language = sdk("proto/language_pb");
const plugin = sdk("proto/plugin_pb");
const { Empty } = require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [require.resolve("@pulumi/pulumi", { paths: [root] })] }));

const engineAddress = process.argv.slice(2).filter((a) => !a.startsWith("-")).pop() || "";
const sdkVersion = require(require.resolve("@pulumi/pulumi/package.json", { paths: [root] })).version;

/** A module resolved from the program's folder, as the real host's locateModule does. */
function locate(mod, dir) {
    return require.resolve(mod, { paths: [dir] });
}

function options(info) {
    const opts = info && info.getOptions() ? info.getOptions().toJavaScript() : {};
    return { typescript: opts.typescript !== false, nodeargs: typeof opts.nodeargs === "string" ? opts.nodeargs.split(/\s+/).filter(Boolean) : [] };
}

/** Pulumi packages the program depends on: every package.json with a `pulumi` section under node_modules/@pulumi. */
function requiredPackages(dir) {
    const found = new Map();
    for (let d = dir; ; d = path.dirname(d)) {
        const scope = path.join(d, "node_modules", "@pulumi");
        if (fs.existsSync(scope)) {
            for (const name of fs.readdirSync(scope)) {
                try {
                    const pkg = JSON.parse(fs.readFileSync(path.join(scope, name, "package.json"), "utf8"));
                    if (pkg.pulumi && pkg.pulumi.resource && !found.has(pkg.pulumi.name || name)) {
                        found.set(pkg.pulumi.name || name, (pkg.pulumi.version || pkg.version).replace(/^v/, ""));
                    }
                } catch { /* not a package */ }
            }
        }
        if (path.dirname(d) === d) break;
    }
    return [...found].map(([name, version]) => {
        const p = new plugin.PackageDependency();
        p.setName(name);
        p.setKind("resource");
        p.setVersion(version);
        return p;
    });
}

const host = {
    handshake(_call, cb) {
        cb(null, new language.LanguageHandshakeResponse());
    },
    getPluginInfo(_call, cb) {
        const info = new plugin.PluginInfo();
        info.setVersion(sdkVersion);
        cb(null, info);
    },
    getRequiredPlugins(_call, cb) {
        cb({ code: grpc.status.UNIMPLEMENTED, details: "GetRequiredPlugins: use GetRequiredPackages" });
    },
    getRequiredPackages(call, cb) {
        const res = new language.GetRequiredPackagesResponse();
        res.setPackagesList(requiredPackages(call.request.getInfo().getProgramDirectory()));
        cb(null, res);
    },
    run(call, cb) {
        const req = call.request;
        const info = req.getInfo();
        const dir = info.getProgramDirectory();
        const args = [locate("@pulumi/pulumi/cmd/run", dir)];
        const add = (k, v) => v !== "" && v !== undefined && args.push(`--${k}`, String(v));
        add("monitor", req.getMonitorAddress());
        add("engine", engineAddress);
        add("organization", req.getOrganization());
        add("project", req.getProject());
        add("root-directory", info.getRootDirectory());
        add("stack", req.getStack());
        add("pwd", dir);
        if (req.getDryrun()) args.push("--dry-run");
        add("parallel", req.getParallel());
        args.push(info.getEntryPoint(), ...req.getArgsList());
        const config = {};
        req.getConfigMap().forEach((v, k) => {
            const [ns, ...name] = k.split(":");
            config[`${ns}:config:${name.join(":")}`] = v;
        });
        const opts = options(info);
        const env = { ...process.env, PULUMI_CONFIG: JSON.stringify(config), PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.getConfigsecretkeysList()) };
        if (opts.typescript) env.PULUMI_NODEJS_TYPESCRIPT = "true";
        const child = spawn(process.execPath, [...opts.nodeargs, ...args], { cwd: req.getPwd() || dir, env, stdio: ["ignore", "inherit", "inherit"] });
        child.on("close", (code) => {
            const res = new language.RunResponse();
            if (code === 32) res.setBail(true); // the program already showed a user-actionable message
            else if (code !== 0) res.setError(`Program exited with non-zero exit code: ${code}`);
            cb(null, res);
        });
        child.on("error", (e) => cb(e));
    },
    runPlugin(call) {
        const req = call.request;
        const dir = req.getInfo().getProgramDirectory();
        const analyzer = req.getKind() === "analyzer";
        const opts = options(req.getInfo());
        const script = locate(analyzer ? "@pulumi/pulumi/cmd/run-policy-pack" : "@pulumi/pulumi/cmd/run-plugin", dir);
        const args = analyzer ? [script, ...opts.nodeargs, ...req.getArgsList(), dir] : [script, ...opts.nodeargs, dir, ...req.getArgsList()];
        const env = {};
        for (const kv of req.getEnvList()) {
            const i = kv.indexOf("=");
            if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
        }
        if (opts.typescript) env.PULUMI_NODEJS_TYPESCRIPT = "true";
        const child = spawn(process.execPath, args, { cwd: analyzer ? dir : req.getPwd(), env: Object.keys(env).length ? env : process.env });
        const send = (setter, data) => {
            const res = new language.RunPluginResponse();
            res[setter](data);
            call.write(res);
        };
        child.stdout.on("data", (d) => send("setStdout", d));
        child.stderr.on("data", (d) => send("setStderr", d));
        child.on("close", (code) => {
            send("setExitcode", code ?? 1);
            call.end();
        });
        call.on("cancelled", () => child.kill());
    },
    installDependencies(call) {
        call.end();
    },
    about(_call, cb) {
        const res = new language.AboutResponse();
        res.setExecutable(process.execPath);
        res.setVersion(process.version);
        cb(null, res);
    },
    getProgramDependencies(_call, cb) {
        cb(null, new language.GetProgramDependenciesResponse());
    },
    cancel(_call, cb) {
        cb(null, new Empty());
    },
};

const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
server.addService(languageRpc.LanguageRuntimeService, host);
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
        console.error(err);
        process.exit(1);
    }
    console.log(String(port));
});
