import { strict as assert } from "assert";
import { appImage, container as c, remediate, table, taskDefinition as td, expressService, types, unknownString } from "../support/fixtures";

const digest = "sha256:" + "b".repeat(64);
const fix = "Use a unique tag per build (e.g. the git SHA) or a digest.";
const re2Limits = "RE2 has no backreferences or lookaround, and repeats at most 1000 times. Fix it in the policy pack config.";

table("ecs-image-tag-pinned", types.taskDefinition, [
    { name: "a unique tag passes", props: td() },
    { name: "a digest passes", props: td([c({ image: `nginx@${digest}` })]) },
    { name: "tag and digest pass, even latest", props: td([c({ image: `nginx:latest@${digest}` })]) },
    { name: "latest fails", props: td([c({ image: "nginx:latest" })]), violations: [`container 'api' image 'nginx:latest' uses the mutable tag 'latest'. ${fix}`] },
    { name: "LATEST in any case fails", props: td([c({ image: "nginx:LaTeSt" })]), violations: [`container 'api' image 'nginx:LaTeSt' uses the mutable tag 'LaTeSt'. ${fix}`] },
    { name: "no tag means latest", props: td([c({ image: "registry:5000/app" })]), violations: [`container 'api' image 'registry:5000/app' has no tag, which means \`latest\`. ${fix}`] },
    { name: "each container is checked", props: td([c(), c({ name: "proxy", image: "envoy" })]), violations: [`container 'proxy' image 'envoy' has no tag, which means \`latest\`. ${fix}`] },
    { name: "disallowedTags extends the list", props: td([c({ image: "app:stable" })]), config: { disallowedTags: ["latest", "stable"] }, violations: [`container 'api' image 'app:stable' uses the mutable tag 'stable'. ${fix}`] },
    { name: "requireDigest rejects a tag", props: td(), config: { requireDigest: true }, violations: [`container 'api' image '${appImage}' has no digest. Reference the image by digest (\`@sha256:...\`); requireDigest is on.`] },
    { name: "allowedTagPattern accepts a match", props: td([c({ image: "app:v1.2.3" })]), config: { allowedTagPattern: "v\\d+\\.\\d+\\.\\d+" } },
    { name: "allowedTagPattern must match in full", props: td([c({ image: "app:v1.2.3-dirty" })]), config: { allowedTagPattern: "v\\d+\\.\\d+\\.\\d+" }, violations: ["container 'api' image 'app:v1.2.3-dirty' has tag 'v1.2.3-dirty', which does not match allowedTagPattern 'v\\d+\\.\\d+\\.\\d+'. Use a tag of the allowed form or a digest."] },
    { name: "a broken allowedTagPattern falls back to unset (ecs-guardrails-config reports it)", props: td(), config: { allowedTagPattern: "(" } },
    { name: "disallowedTags adds to latest, never replaces it", props: td([c({ image: "app:latest" }), c({ name: "b", image: "app:dev" })]), config: { disallowedTags: ["dev"] }, violations: [`container 'api' image 'app:latest' uses the mutable tag 'latest'. ${fix}`, `container 'b' image 'app:dev' uses the mutable tag 'dev'. ${fix}`] },
    { name: "allowedTagPattern `v1)|(.*` is a config error (ecs-guardrails-config), never a pattern that matches everything", props: td([c({ image: "app:dev" })]), config: { allowedTagPattern: "v\\d+)|(.*" } },
    { name: "a backreference is a config error (RE2 has none): the policy falls back to no pattern", props: td(), config: { allowedTagPattern: "(v)\\1" } },
    { name: "a catastrophic pattern on a 121-character tag completes", props: td([c({ image: `app:${"a".repeat(120)}-` })]), config: { allowedTagPattern: "(a+)+" }, violations: [`container 'api' image 'app:${"a".repeat(120)}-' has tag '${"a".repeat(120)}-', which does not match allowedTagPattern '(a+)+'. Use a tag of the allowed form or a digest.`] },
    { name: "(a|aa)*b on a 120-character tag completes", props: td([c({ image: `app:${"a".repeat(120)}` })]), config: { allowedTagPattern: "(a|aa)*b" }, violations: [`container 'api' image 'app:${"a".repeat(120)}' has tag '${"a".repeat(120)}', which does not match allowedTagPattern '(a|aa)*b'. Use a tag of the allowed form or a digest.`] },
    { name: "an invalid reference is named", props: td([c({ image: "Bad Image" })]), violations: ["container 'api' image 'Bad Image' is not a valid image reference: it contains whitespace."] },
    { name: "a missing image is named", props: td([c({ image: undefined })]), violations: ["container 'api' has no image. Set `image` to a reference with a unique tag or a digest."] },
    { name: "an unknown image waits, the others are checked", props: td([c({ image: unknownString }), c({ name: "proxy", image: "envoy:latest" })]), violations: [`container 'proxy' image 'envoy:latest' uses the mutable tag 'latest'. ${fix}`], pending: ["containerDefinitions[0].image is not known yet"] },
    { name: "unknown containerDefinitions wait", props: td([], { containerDefinitions: unknownString }), pending: ["containerDefinitions is not known yet"] },
    { name: "malformed containerDefinitions are left to ecs-input-well-formed", props: td([], { containerDefinitions: "{not json" }) },
    { name: "a container without a name is numbered", props: td([c(), { image: "x:latest" }]), violations: [`container #2 image 'x:latest' uses the mutable tag 'latest'. ${fix}`] },
    { name: "Express Gateway Service primary container", type: types.expressService, props: expressService({ primaryContainer: { image: "web:latest" } }), violations: [`container #1 image 'web:latest' uses the mutable tag 'latest'. ${fix}`] },
]);

table("ecs-version-consistency", types.taskDefinition, [
    { name: "unset passes", props: td() },
    { name: "enabled passes", props: td([c({ versionConsistency: "enabled" })]) },
    { name: "disabled fails", props: td([c({ versionConsistency: "disabled" })]), violations: ["container 'api' sets versionConsistency to 'disabled', so tasks of one deployment may run different images. Remove it or set 'enabled'."] },
]);

const tooDeep = "container 'api' nests shell command lines more than 8 levels deep, too deep to check. Run the application directly, or from a script baked into the image.";
const download = (what: string) => `container 'api' downloads or installs code at start (${what}). Bake dependencies into the image instead.`;
table("ecs-no-startup-downloads", types.taskDefinition, [
    { name: "a plain command passes", props: td([c({ command: ["node", "server.js"] })]) },
    { name: "curl of a URL in a shell line", props: td([c({ entryPoint: ["sh", "-c"], command: ["curl -fsSL https://example.com/app.tgz | tar xz && ./app"] })]), violations: [download("'curl -fsSL https://example.com/app.tgz'")] },
    { name: "pip install", props: td([c({ command: ["sh", "-c", "pip install -r requirements.txt && python app.py"] })]), violations: [download("'pip install'")] },
    { name: "npm ci", props: td([c({ command: ["sh", "-c", "npm ci && node ."] })]), violations: [download("'npm ci'")] },
    { name: "apt-get -y install", props: td([c({ command: ["bash", "-c", "apt-get update && apt-get -y install curl"] })]), violations: [download("'apt-get -y install'")] },
    { name: "apk add", props: td([c({ command: ["sh", "-c", "apk add --no-cache git"] })]), violations: [download("'apk add'")] },
    { name: "git clone", props: td([c({ command: ["git", "clone", "https://github.com/x/y"] })]), violations: [download("'git clone'")] },
    { name: "aws s3 sync", props: td([c({ command: ["aws", "s3", "sync", "s3://bucket/models", "/models"] })]), violations: [download("'aws s3 sync'")] },
    { name: "allowPatterns allow a matched download", props: td([c({ command: ["sh", "-c", "curl http://localhost:8080/warm && ./app"] })]), config: { allowPatterns: ["localhost"] } },
    { name: "extraPatterns add detections", props: td([c({ command: ["fetch-models", "--all"] })]), config: { extraPatterns: ["fetch-models"] }, violations: [download("'fetch-models'")] },
    { name: "aws with --region before the service", props: td([c({ command: ["aws", "--region", "eu-west-1", "s3", "cp", "s3://b/app.tgz", "/app"] })]), violations: [download("'aws --region eu-west-1 s3 cp'")] },
    { name: "aws with --profile before the service", props: td([c({ command: ["aws", "--profile", "prod", "s3", "sync", "s3://b/m", "/m"] })]), violations: [download("'aws --profile prod s3 sync'")] },
    { name: "aws s3api get-object", props: td([c({ command: ["aws", "s3api", "get-object", "--bucket", "b", "--key", "k", "/app.tgz"] })]), violations: [download("'aws s3api get-object'")] },
    { name: "git -C dir clone", props: td([c({ command: ["git", "-C", "/src", "clone", "https://github.com/x/y"] })]), violations: [download("'git -C /src clone'")] },
    { name: "git -c key=value clone", props: td([c({ command: ["git", "-c", "http.sslVerify=false", "clone", "https://github.com/x/y"] })]), violations: [download("'git -c http.sslVerify=false clone'")] },
    { name: "git pull fetches code too", props: td([c({ command: ["sh", "-c", "git pull && exec ./app"] })]), violations: [download("'git pull'")] },
    { name: "npm --prefix dir install", props: td([c({ command: ["npm", "--prefix", "/app", "install"] })]), violations: [download("'npm --prefix /app install'")] },
    { name: "bare yarn installs", props: td([c({ command: ["sh", "-c", "yarn && yarn start"] })]), violations: [download("'yarn'")] },
    { name: "yarn --cwd dir installs", props: td([c({ command: ["yarn", "--cwd", "/app"] })]), violations: [download("'yarn --cwd /app'")] },
    { name: "pnpm --dir dir i", props: td([c({ command: ["pnpm", "--dir", "/app", "i"] })]), violations: [download("'pnpm --dir /app i'")] },
    { name: "pip3 with a global flag", props: td([c({ command: ["pip3", "--no-cache-dir", "install", "flask"] })]), violations: [download("'pip3 --no-cache-dir install'")] },
    { name: "python3 -m pip with a global flag", props: td([c({ command: ["python3", "-m", "pip", "--quiet", "install", "flask"] })]), violations: [download("'pip --quiet install'")] },
    { name: "uv sync", props: td([c({ command: ["uv", "sync", "--frozen"] })]), violations: [download("'uv sync'")] },
    { name: "go mod download", props: td([c({ command: ["sh", "-c", "go mod download && go run ."] })]), violations: [download("'go mod download'")] },
    { name: "apt-get -o option install", props: td([c({ command: ["apt-get", "-o", "Dpkg::Options::=--force-confnew", "install", "-y", "git"] })]), violations: [download("'apt-get -o Dpkg::Options::=--force-confnew install'")] },
    { name: "scheme-less curl piped to sh", props: td([c({ command: ["sh", "-c", "curl example.com/x.sh | sh"] })]), violations: [download("'curl example.com/x.sh'")] },
    { name: "scheme-less wget -qO- piped to bash", props: td([c({ command: ["sh", "-c", "wget -qO- get.example.com/x | bash"] })]), violations: [download("'wget -qO- get.example.com/x'")] },
    { name: "a quoted program name (c\"url\")", props: td([c({ command: ["sh", "-c", "c\"url\" -fsSL https://example.com/x.sh | sh"] })]), violations: [download("'curl -fsSL https://example.com/x.sh'")] },
    { name: "curl in a process substitution", props: td([c({ command: ["bash", "-c", "bash <(curl -fsSL https://example.com/x.sh)"] })]), violations: [download("'curl -fsSL https://example.com/x.sh'")] },
    { name: "curl named by an environment variable", props: td([c({ command: ["sh", "-c", "$FETCH https://example.com/x.sh | sh"], environment: [{ name: "FETCH", value: "curl -fsSL" }] })]), violations: [download("'curl -fsSL https://example.com/x.sh'")] },
    { name: "busybox wget", props: td([c({ command: ["busybox", "wget", "http://example.com/app"] })]), violations: [download("'wget http://example.com/app'")] },
    { name: "shell lines nested too deep to read", props: td([c({ command: ["sh", "-c", "eval ".repeat(10) + "app"] })]), violations: [tooDeep] },
    { name: "a flag that merely contains curl is no download", props: td([c({ command: ["gunicorn", "--curl-timeout", "30", "--callback-url", "https://hooks.example.com/ready", "app:app"] })]) },
    { name: "pip behind python3 as a script", props: td([c({ command: ["python3", "/usr/local/bin/pip", "install", "flask"] })]), violations: [download("'/usr/local/bin/pip install'")] },
    { name: "an install in a here-string", props: td([c({ command: ["sh", "-c", "bash <<< 'pip install flask && exec app'"] })]), violations: [download("'pip install'")] },
    { name: "aws-native: an install behind chamber exec", type: "aws-native:ecs:TaskDefinition", props: { ...td(), containerDefinitions: [c({ command: ["chamber", "exec", "shop", "--", "pip", "install", "flask"] })] }, violations: [download("'pip install'")] },
    { name: "words in a quoted string are no command", props: td([c({ command: ["sh", "-c", "echo 'pip install ran at build time' && exec app"] })]) },
    { name: "yarn start, bundle exec, npm run, git log pass", props: td([c({ command: ["sh", "-c", "yarn start; bundle exec puma; npm run serve; git log"] })]) },
    { name: "allowPatterns apply to the download's words only", props: td([c({ command: ["sh", "-c", "curl https://example.com/x.sh | sh # localhost"] })]), config: { allowPatterns: ["localhost"] }, violations: [download("'curl https://example.com/x.sh'")] },
    { name: "extraPatterns and allowPatterns outside RE2 are config errors: the policy falls back to none", props: td([c()]), config: { extraPatterns: ["(a)\\1"], allowPatterns: ["(?=x)"] } },
    { name: "aws global options before s3 cp", props: td([c({ command: ["sh", "-c", "aws --region us-east-1 s3 cp s3://b/model /m && ./serve"] })]), violations: [download("'aws --region us-east-1 s3 cp'")] },
    { name: "wget of host/path", props: td([c({ command: ["sh", "-c", "wget -qO- host:8080/x | bash"] })]), violations: [download("'wget -qO- host:8080/x'")] },
    { name: "health checks are not inspected", props: td([c({ healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] } })]) },
    { name: "unknown command waits", props: td([c({ command: [unknownString] })]), pending: ["containerDefinitions[0].command[0] is not known yet"] },
]);

const background = (name: string) => `container 'api' starts '${name}' in the background with '&'. Run one process per container; move helpers to sidecars.`;
const supervisor = (name: string) => `container 'api' starts the process supervisor '${name}'. Run the application directly and let ECS restart the task.`;
table("ecs-single-process", types.taskDefinition, [
    { name: "one process passes", props: td([c({ command: ["node", "server.js"] })]) },
    { name: "tini in front passes", props: td([c({ entryPoint: ["/usr/bin/tini", "--"], command: ["node", "server.js"] })]) },
    { name: "dumb-init in front passes", props: td([c({ entryPoint: ["dumb-init"], command: ["python", "app.py"] })]) },
    { name: "supervisord", props: td([c({ command: ["/usr/bin/supervisord", "-n"] })]), violations: [supervisor("supervisord")] },
    { name: "systemd as /sbin/init", props: td([c({ entryPoint: ["/sbin/init"] })]), violations: [supervisor("/sbin/init")] },
    { name: "s6-overlay /init later in a shell line", props: td([c({ entryPoint: ["sh", "-c"], command: ["setup.sh; /init"] })]), violations: [supervisor("/init (s6-overlay)")] },
    { name: "pm2-runtime behind tini", props: td([c({ entryPoint: ["tini", "-s", "--"], command: ["pm2-runtime", "app.js"] })]), violations: [supervisor("pm2-runtime")] },
    { name: "nodemon behind npx", props: td([c({ command: ["npx", "nodemon"] })]), violations: [supervisor("nodemon")] },
    { name: "a supervisor after then", props: td([c({ command: ["sh", "-c", "if [ -f x ]; then supervisord -n; fi"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor after else", props: td([c({ command: ["sh", "-c", "if x; then a; else supervisord; fi"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor in a { group }", props: td([c({ command: ["sh", "-c", "{ supervisord; }"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor behind sudo", props: td([c({ command: ["sudo", "-u", "app", "supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor behind setpriv", props: td([c({ command: ["setpriv", "--reuid=1000", "--regid", "1000", "--init-groups", "supervisord", "-n"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor behind chamber exec --", props: td([c({ command: ["chamber", "exec", "shop/api", "shop/common", "--", "supervisord", "-n"] })]), violations: [supervisor("supervisord")] },
    { name: "chamber without -- starts nothing readable", props: td([c({ command: ["chamber", "exec", "shop/api"] })]) },
    { name: "a supervisor as a python3 script", props: td([c({ command: ["python3", "/usr/local/bin/supervisord", "-c", "/etc/supervisord.conf"] })]), violations: [supervisor("supervisord")] },
    { name: "pm2-runtime as a node script", props: td([c({ command: ["node", "--max-old-space-size=512", "/app/node_modules/.bin/pm2-runtime", "ecosystem.config.js"] })]), violations: [supervisor("pm2-runtime")] },
    { name: "node running the application passes", props: td([c({ command: ["node", "-r", "dotenv/config", "server.js"] })]) },
    { name: "a supervisor in a here-string", props: td([c({ command: ["sh", "-c", "exec bash <<< 'supervisord -n'"] })]), violations: [supervisor("supervisord")] },
    { name: "a here-string to a program that is no shell is data", props: td([c({ command: ["sh", "-c", "cat <<< 'supervisord -n'; exec app"] })]) },
    { name: "aws-native: a supervisor behind setpriv", type: "aws-native:ecs:TaskDefinition", props: { ...td(), containerDefinitions: [c({ command: ["setpriv", "--reuid=1000", "supervisord"] })] }, violations: [supervisor("supervisord")] },
    { name: "a supervisor behind python -m", props: td([c({ command: ["python", "-m", "supervisor.supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor after dumb-init --", props: td([c({ entryPoint: ["dumb-init", "--"], command: ["supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "a supervisor behind env and nohup", props: td([c({ command: ["env", "A=1", "nohup", "supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "nodemon as the program", props: td([c({ command: ["/app/node_modules/.bin/nodemon", "server.js"] })]), violations: [supervisor("nodemon")] },
    { name: "a lone & backgrounds a process", props: td([c({ command: ["sh", "-c", "worker & exec server"] })]), violations: ["container 'api' starts 'worker' in the background with '&'. Run one process per container; move helpers to sidecars."] },
    { name: "after then", props: td([c({ command: ["sh", "-c", "if [ -f /etc/app ]; then supervisord -n; fi"] })]), violations: [supervisor("supervisord")] },
    { name: "after else", props: td([c({ command: ["sh", "-c", "if [ -z \"$DEV\" ]; then exec node .; else pm2-runtime app.js; fi"] })]), violations: [supervisor("pm2-runtime")] },
    { name: "after do", props: td([c({ command: ["bash", "-c", "while true; do forever app.js; done"] })]), violations: [supervisor("forever")] },
    { name: "in a { group; }", props: td([c({ command: ["sh", "-c", "{ supervisord -n; }"] })]), violations: [supervisor("supervisord")] },
    { name: "in a (subshell)", props: td([c({ command: ["sh", "-c", "(nodemon server.js)"] })]), violations: [supervisor("nodemon")] },
    { name: "after !", props: td([c({ command: ["sh", "-c", "! supervisord -n"] })]), violations: [supervisor("supervisord")] },
    { name: "exec -a name", props: td([c({ command: ["exec", "-a", "app", "supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "a chain of wrappers of any length", props: td([c({ command: ["sh", "-c", "exec ".repeat(12) + "supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "sudo -u", props: td([c({ command: ["sudo", "-u", "app", "supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "su user -c", props: td([c({ command: ["su", "-s", "/bin/sh", "app", "-c", "pm2 start app.js"] })]), violations: [supervisor("pm2")] },
    { name: "doas -u", props: td([c({ command: ["doas", "-u", "app", "forever", "start", "app.js"] })]), violations: [supervisor("forever")] },
    { name: "env -u NAME", props: td([c({ command: ["env", "-u", "HOME", "nodemon", "server.js"] })]), violations: [supervisor("nodemon")] },
    { name: "env -S line", props: td([c({ command: ["env", "-S", "supervisord -n"] })]), violations: [supervisor("supervisord")] },
    { name: "nohup nice -n", props: td([c({ command: ["nohup", "nice", "-n", "5", "supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "npx -y package@version", props: td([c({ command: ["npx", "-y", "pm2@5.3.0", "start", "app.js"] })]), violations: [supervisor("pm2")] },
    { name: "npm exec --", props: td([c({ command: ["npm", "exec", "--", "nodemon"] })]), violations: [supervisor("nodemon")] },
    { name: "python -m supervisor.supervisord", props: td([c({ command: ["python", "-m", "supervisor.supervisord", "-n"] })]), violations: [supervisor("supervisord")] },
    { name: "python3 -u -m supervisor", props: td([c({ command: ["python3", "-u", "-m", "supervisor"] })]), violations: [supervisor("supervisord")] },
    { name: "dumb-init --rewrite s:t -- supervisord", props: td([c({ entryPoint: ["dumb-init", "--rewrite", "15:2", "--"], command: ["supervisord"] })]), violations: [supervisor("supervisord")] },
    { name: "tini -- nohup nice pm2-runtime", props: td([c({ entryPoint: ["tini", "--"], command: ["nohup", "nice", "pm2-runtime", "app.js"] })]), violations: [supervisor("pm2-runtime")] },
    { name: "sh -c -- line", props: td([c({ command: ["sh", "-c", "--", "supervisord -n"] })]), violations: [supervisor("supervisord")] },
    { name: "bash -o pipefail -lc", props: td([c({ command: ["bash", "-o", "pipefail", "-lc", "setup; s6-svscan /etc/s6"] })]), violations: [supervisor("s6-svscan")] },
    { name: "a name split by quotes (super\"visor\"d)", props: td([c({ command: ["sh", "-c", "super\"visor\"d -n"] })]), violations: [supervisor("supervisord")] },
    { name: "a name with a backslash (su\\pervisord)", props: td([c({ command: ["sh", "-c", "su\\pervisord -n"] })]), violations: [supervisor("supervisord")] },
    { name: "a name in ANSI-C quotes ($'\\163upervisord')", props: td([c({ command: ["bash", "-c", "$'\\163upervisord' -n"] })]), violations: [supervisor("supervisord")] },
    { name: "after a leading redirection", props: td([c({ command: ["sh", "-c", ">/tmp/log supervisord -n"] })]), violations: [supervisor("supervisord")] },
    { name: "in backticks", props: td([c({ command: ["sh", "-c", "echo `supervisord -n`"] })]), violations: [supervisor("supervisord")] },
    { name: "named by a shell variable", props: td([c({ command: ["sh", "-c", "S=supervisord; $S -n"] })]), violations: [supervisor("supervisord")] },
    { name: "named by an environment variable", props: td([c({ command: ["sh", "-c", "exec $RUNNER app.js"], environment: [{ name: "RUNNER", value: "pm2-runtime" }] })]), violations: [supervisor("pm2-runtime")] },
    { name: "through eval", props: td([c({ command: ["sh", "-c", "eval supervisord -n"] })]), violations: [supervisor("supervisord")] },
    { name: "s6-overlay as /./init", props: td([c({ entryPoint: ["/./init"] })]), violations: [supervisor("/init (s6-overlay)")] },
    { name: "shell lines nested too deep to read", props: td([c({ command: ["sh", "-c", "eval ".repeat(10) + "app"] })]), violations: [tooDeep] },
    { name: "a backgrounded (subshell)", props: td([c({ command: ["sh", "-c", "(worker) & exec server"] })]), violations: [background("worker")] },
    { name: "a backgrounded { group; }", props: td([c({ command: ["sh", "-c", "{ worker; } & exec server"] })]), violations: [background("worker")] },
    { name: "a backgrounded loop", props: td([c({ command: ["sh", "-c", "for q in a b; do worker $q; done & exec server"] })]), violations: [background("worker")] },
    { name: "coproc", props: td([c({ command: ["bash", "-c", "coproc worker; exec server"] })]), violations: [background("worker")] },
    { name: "a trailing & with no space", props: td([c({ command: ["sh", "-c", "worker&"] })]), violations: [background("worker")] },
    { name: "& in arithmetic is no background", props: td([c({ command: ["sh", "-c", "echo $((n & 1)) && exec server"] })]) },
    { name: "& in a comment is no background", props: td([c({ command: ["sh", "-c", "exec server # logs & metrics"] })]) },
    { name: ";& ends a case branch", props: td([c({ command: ["bash", "-c", "case \"$1\" in a) echo a ;& b) echo b ;; esac; exec server"] })]) },
    { name: "&> and |& are no background", props: td([c({ command: ["bash", "-c", "server &>/dev/stdout |& tee /tmp/log"] })]) },
    { name: "a quoted or escaped & is no background", props: td([c({ command: ["sh", "-c", "echo 'a & b' a \\& b && exec server"] })]) },
    { name: "&& and 2>&1 are not backgrounding", props: td([c({ command: ["sh", "-c", "migrate && exec server 2>&1"] })]) },
]);

table("ecs-no-container-restart", types.taskDefinition, [
    { name: "no restart policy passes", props: td() },
    { name: "essential container restarting in place fails", props: td([c({ restartPolicy: { enabled: true } })]), violations: ["container 'api' is essential and restarts in place (restartPolicy.enabled is true). Remove the restart policy and let ECS replace the task."] },
    { name: "a non-essential sidecar may restart", props: td([c(), c({ name: "agent", essential: false, restartPolicy: { enabled: true } })]) },
]);

const noInit = "container 'api' runs without an init process. Set linuxParameters.initProcessEnabled to true (or start it with tini) so SIGTERM reaches the application.";
table("ecs-init-process", types.taskDefinition, [
    { name: "initProcessEnabled passes", props: td() },
    { name: "missing fails", props: td([c({ linuxParameters: undefined })]), violations: [noInit] },
    { name: "tini as entry point passes", props: td([c({ linuxParameters: undefined, entryPoint: ["/sbin/tini", "--"] })]) },
    { name: "dumb-init inside a shell line passes", props: td([c({ linuxParameters: null, entryPoint: ["sh", "-c", "exec dumb-init -- app"] })]) },
    { name: "Windows platform is not applicable", props: td([c({ linuxParameters: undefined })], { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } }), notApplicable: "Windows task" },
    { name: "Windows images are not applicable", props: td([c({ linuxParameters: undefined, image: "mcr.microsoft.com/windows/servercore:ltsc2022" })]), notApplicable: "Windows task" },
    { name: "the Express Gateway Service shape has no linuxParameters", type: types.expressService, props: expressService(), notApplicable: "applies to taskDefinition, daemonTaskDefinition" },
]);

describe("ecs-init-process remediation", () => {
    it("sets initProcessEnabled and keeps other linuxParameters", () => {
        const props = td([c({ linuxParameters: { capabilities: { drop: ["ALL"] } } }), c({ name: "tini", entryPoint: ["tini", "--"], linuxParameters: undefined })]);
        const next = remediate("ecs-init-process", types.taskDefinition, props)!;
        const defs = JSON.parse(next.containerDefinitions as string);
        assert.deepEqual(defs[0].linuxParameters, { capabilities: { drop: ["ALL"] }, initProcessEnabled: true });
        assert.equal(defs[1].linuxParameters, undefined, "a container started by tini is left alone");
    });
    it("changes nothing when compliant", () => assert.equal(remediate("ecs-init-process", types.taskDefinition, td()), undefined));
});

table("ecs-stop-timeout", types.taskDefinition, [
    { name: "30 s passes", props: td() },
    { name: "both ends are included", props: td([c({ stopTimeout: 2 }), c({ name: "b", stopTimeout: 120 })]) },
    { name: "unset fails", props: td([c({ stopTimeout: undefined })]), violations: ["container 'api' has no stopTimeout, so ECS waits its default before SIGKILL. Set stopTimeout within [2, 120] seconds to what the application needs to drain."] },
    { name: "too long fails", props: td([c({ stopTimeout: 121 })]), violations: ["container 'api' stopTimeout '121' is outside [2, 120] seconds. Set it to what the application needs to drain, within that range."] },
    { name: "config moves the range", props: td([c({ stopTimeout: 90 })]), config: { maxSeconds: 60 }, violations: ["container 'api' stopTimeout '90' is outside [2, 60] seconds. Set it to what the application needs to drain, within that range."] },
    { name: "non-essential sidecars are not checked", props: td([c(), c({ name: "agent", essential: false, stopTimeout: undefined })]) },
    { name: "a numeric string is read as a number", props: td([c({ stopTimeout: "30" })]) },
]);

describe("ecs-stop-timeout remediation", () => {
    it("sets defaultSeconds where unset, only on essential containers", () => {
        const props = td([c({ stopTimeout: undefined }), c({ name: "agent", essential: false, stopTimeout: undefined }), c({ name: "slow", stopTimeout: 200 })]);
        const defs = JSON.parse(remediate("ecs-stop-timeout", types.taskDefinition, props, { defaultSeconds: 45 })!.containerDefinitions as string);
        assert.deepEqual(defs.map((d: { stopTimeout?: number }) => d.stopTimeout), [45, undefined, 200]);
    });
});

table("ecs-log-configuration", types.taskDefinition, [
    { name: "awslogs passes", props: td() },
    { name: "no log configuration fails", props: td([c({ logConfiguration: undefined })]), violations: ["container 'api' has no log configuration, so its stdout/stderr are lost. Set logConfiguration with one of: awslogs, awsfirelens, splunk."] },
    { name: "a driver outside the list fails", props: td([c({ logConfiguration: { logDriver: "json-file" } })]), violations: ["container 'api' uses log driver 'json-file', which is not allowed. Use one of: awslogs, awsfirelens, splunk."] },
    { name: "awsfirelens without a router fails", props: td([c({ logConfiguration: { logDriver: "awsfirelens" } })]), violations: ["container 'api' logs through awsfirelens but the task has no FireLens router. Add a log router container with firelensConfiguration."] },
    { name: "awsfirelens with a router passes", props: td([c({ logConfiguration: { logDriver: "awsfirelens" } }), c({ name: "log-router", image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0", essential: false, firelensConfiguration: { type: "fluentbit" } })]) },
    { name: "allowedDrivers narrows the list", props: td([c({ logConfiguration: { logDriver: "splunk" } })]), config: { allowedDrivers: ["awslogs"] }, violations: ["container 'api' uses log driver 'splunk', which is not allowed. Use one of: awslogs."] },
    { name: "EGS with awsLogsConfigurations passes", type: types.expressService, props: expressService() },
    { name: "EGS without fails", type: types.expressService, props: expressService({ primaryContainer: { image: appImage } }), violations: ["container #1 has no log configuration, so its stdout/stderr are lost. Set primaryContainer.awsLogsConfigurations with one of: awslogs, awsfirelens, splunk."] },
]);
