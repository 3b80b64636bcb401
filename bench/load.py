"""Load and fault test of `quorum serve` (issue 13): units driven through the 4 steps by concurrent clients.

Starts `quorum serve` on 127.0.0.1 over a scratch copy of the project, with a chair and two clerks, starts one
instance per unit (of lanh-dao-so-tnmt-2021, with the sample results), and lets CLIENTS threads drive them to the end:
roster, results (the double entry by both clerks), the body's decision, advance. With --kill server it kills the
server (SIGKILL) halfway and starts it again; with --kill postgres it crashes PostgreSQL (pg_ctl stop -m immediate)
halfway and starts it again. Clients treat a refused connection, a 503 and a retryable 409 as "try again", and sign in
again after a restart.

Then it checks, over the API, that every instance reached the end, that every chain verifies, that every write a
client was told succeeded is in the history (none lost), and that no write is there more often than it was sent
(none duplicated). It prints requests a second and the p50/p99 latency of answered requests, and exits 1 when a check
fails. Bounded: at most --units instances and --seconds of driving.

    python3 bench/load.py --quorum .build/release/quorum                  # SQLite
    scripts/with-postgres.sh --durable python3 bench/load.py --store postgres --kill postgres
"""

import argparse
import collections
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

WORKFLOW = "lanh-dao-so-tnmt-2021"
STEPS = ["buoc-1", "buoc-2", "buoc-3", "buoc-4"]
USERS = {"chu.toa": "chair", "thu.ky": "clerk", "thu.ky.hai": "second-clerk"}
REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def password(user):
    return user + "-mật-khẩu-thử-tải"


class Retry(Exception):
    """An answer that says to try again: no connection, the store out of reach, another change first."""


class Server:
    def __init__(self, quorum, project, store, environment):
        self.quorum, self.project, self.store, self.environment = quorum, project, store, environment
        self.port = 0
        self.process = None

    def start(self):
        self.process = subprocess.Popen([self.quorum, "serve", "--project", self.project, "--store", self.store, "--port", str(self.port)],
                                        stdout=subprocess.PIPE, stderr=open(os.path.join(self.project, "serve.log"), "a"),
                                        env=self.environment, text=True)
        line = self.process.stdout.readline()
        self.port = int(line.split("127.0.0.1:")[1].split()[0])

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.terminate()
        self.process.wait()


class Client:
    """Speaks to the server as one office's desk: each user signed in once, again after a restart."""

    def __init__(self, server, latencies, failures):
        self.server, self.latencies, self.failures = server, latencies, failures
        self.tokens = {}

    def call(self, method, path, user, body=None, content="application/json"):
        while True:
            try:
                return self._call(method, path, user, body, content)
            except Retry as reason:
                self.failures[str(reason)] += 1
                time.sleep(0.2)

    def _call(self, method, path, user, body, content):
        if user and user not in self.tokens:
            self.tokens[user] = self._send("POST", "login", None, json.dumps({"user": user, "password": password(user)}).encode(),
                                           "application/json")["token"]
        try:
            return self._send(method, path, self.tokens.get(user), body, content)
        except PermissionError:
            self.tokens.pop(user, None)  # signed out by a restart: sign in again
            raise Retry("401 after a restart")

    def _send(self, method, path, token, body, content):
        request = urllib.request.Request(f"http://127.0.0.1:{self.server.port}/api/{path}", data=body, method=method)
        request.add_header("Content-Type", content)
        if token:
            request.add_header("Authorization", "Bearer " + token)
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                answer = response.read()
            self.latencies.append(time.perf_counter() - start)
            return json.loads(answer) if answer else {}
        except urllib.error.HTTPError as error:
            self.latencies.append(time.perf_counter() - start)
            detail = json.loads(error.read() or b"{}")
            if error.code == 401:
                raise PermissionError()
            if detail.get("retryable"):
                raise Retry(f"{error.code} " + " ".join(detail["error"].split()[:5]))
            raise RuntimeError(f"{method} {path}: {error.code} {detail.get('error')}")
        except (ConnectionError, urllib.error.URLError, TimeoutError) as error:
            raise Retry(type(getattr(error, "reason", error)).__name__)


def drive(client, instance, samples, acknowledged, deadline):
    """Takes an instance to the end, deciding each action from its status, so that a write whose answer was lost
    (the server killed after it committed) is not made twice."""
    path = f"instances/{instance}"

    def sample(name):
        with open(os.path.join(samples, name), "rb") as file:
            return file.read()

    def write(kind, method, where, user, body=None, content="application/json"):
        client.call(method, where, user, body, content)
        acknowledged[instance][kind] += 1

    write("roster", "POST", f"{path}/roster?file=roster.csv", "thu.ky", sample("roster.csv"), "text/csv")
    while time.monotonic() < deadline:
        status = client.call("GET", path, "chu.toa")
        step = status.get("currentStep")
        if step is None:
            return True
        entries = os.path.exists(os.path.join(samples, f"{step}.entry-2.yaml"))
        try:
            if entries:
                write(f"recorded {step}", "POST", f"{path}/steps/{step}/results?entry=1", "thu.ky", sample(f"{step}.yaml"), "application/yaml")
                write(f"recorded {step}", "POST", f"{path}/steps/{step}/results?entry=2", "thu.ky.hai", sample(f"{step}.entry-2.yaml"), "application/yaml")
            else:
                write(f"recorded {step}", "POST", f"{path}/steps/{step}/results", "thu.ky", sample(f"{step}.yaml"), "application/yaml")
            if os.path.exists(os.path.join(samples, f"{step}.decision.yaml")):
                write(f"decided {step}", "POST", f"{path}/decisions", "chu.toa", sample(f"{step}.decision.yaml"), "application/yaml")
            write(f"advanced {step}", "POST", f"{path}/advance", "chu.toa")
        except RuntimeError:
            # A refusal after a lost answer (the step already advanced): read the status again.
            continue
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quorum", default=os.path.join(REPOSITORY, ".build/release/quorum"))
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--store", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--kill", choices=["none", "server", "postgres"], default="none")
    options = parser.parse_args()
    if options.store == "postgres" and "QUORUM_TEST_POSTGRES" not in os.environ:
        sys.exit("load: --store postgres needs a cluster: run it through scripts/with-postgres.sh --durable")
    if options.kill == "postgres" and "QUORUM_TEST_POSTGRES_CRASH" not in os.environ:
        sys.exit("load: --kill postgres needs scripts/with-postgres.sh --durable, which says how to crash and restart it")

    project = tempfile.mkdtemp(prefix="quorum-load-")
    for folder in ("workflows", "rules", "samples"):
        shutil.copytree(os.path.join(REPOSITORY, folder), os.path.join(project, folder))
    environment = dict(os.environ, QUORUM_SIGNING_KEY=os.path.join(project, "signing.key"), QUORUM_LANG="en", PYTHONUTF8="1")
    store = os.environ["QUORUM_TEST_POSTGRES"] if options.store == "postgres" else os.path.join(project, "quorum.sqlite")
    for user, role in USERS.items():
        subprocess.run([options.quorum, "user", "add", user, "--project", project, "--name", user, "--role", role, "--unit", "*"],
                       input=password(user) + "\n", text=True, env=environment, check=True, stdout=subprocess.DEVNULL)
    server = Server(options.quorum, project, store, environment)
    server.start()
    latencies, failures = [], collections.Counter()
    setup = Client(server, [], failures)
    instances = [setup.call("POST", "instances", "chu.toa", json.dumps({"workflow": WORKFLOW, "another": True}).encode())["instance"]
                 for _ in range(options.units)]
    acknowledged = {instance: collections.Counter() for instance in instances}
    samples = os.path.join(project, "samples", WORKFLOW)
    deadline = time.monotonic() + options.seconds
    queue, finished, lock = list(instances), [], threading.Lock()

    def worker():
        client = Client(server, latencies, failures)
        while True:
            with lock:
                if not queue:
                    return
                instance = queue.pop()
            if drive(client, instance, samples, acknowledged, deadline):
                with lock:
                    finished.append(instance)

    threads = [threading.Thread(target=worker) for _ in range(options.clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    if options.kill != "none":
        # The fault about halfway: a unit's whole run is 16 requests.
        while len(latencies) < options.units * 8 and any(thread.is_alive() for thread in threads):
            time.sleep(0.05)
        if options.kill == "server":
            server.kill()
            time.sleep(1)
            server.start()
        else:
            subprocess.run(os.environ["QUORUM_TEST_POSTGRES_CRASH"], shell=True, check=True)
            time.sleep(1)
            subprocess.run(os.environ["QUORUM_TEST_POSTGRES_START"], shell=True, check=True)
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began

    # The checks, over the API: every instance at the end, every chain intact, nothing lost, nothing twice.
    checker, problems = Client(server, [], collections.Counter()), []
    if sorted(finished) != sorted(instances):
        problems.append(f"{len(instances) - len(finished)} instances did not reach the end")
    for instance in instances:
        verified = checker.call("GET", f"instances/{instance}/verify", "chu.toa")
        if not verified.get("intact"):
            problems.append(f"{instance}: {verified.get('problem')}")
        history = checker.call("GET", f"instances/{instance}/history", "chu.toa")
        sequences = [event["sequence"] for event in history]
        if sequences != list(range(1, len(history) + 1)):
            problems.append(f"{instance}: events out of sequence {sequences}")
        stored = collections.Counter()
        for event in history:
            kind, payload = next(iter(event["payload"].items()))
            payload = payload.get("_0", payload)
            if kind in ("recorded", "advanced"):
                stored[f"{kind} {payload['step']}"] += 1
            elif kind == "listDecided":
                stored[f"decided {payload['step']}"] = 1  # one event a title, whatever how often it was sent
            elif kind == "rosterImported":
                stored["roster"] += 1
        for kind, count in acknowledged[instance].items():
            if stored[kind] < min(count, 1 if kind.startswith("decided") else count):
                problems.append(f"{instance}: {count} × '{kind}' acknowledged, {stored[kind]} stored: lost")
        if any(stored[f"advanced {step}"] > 1 for step in STEPS):
            problems.append(f"{instance}: a step advanced twice")
    server.stop()

    answered = sorted(latencies)
    def percentile(share):
        return answered[min(len(answered) - 1, int(share * len(answered)))] * 1000 if answered else 0
    report = {
        "units": options.units, "clients": options.clients, "store": options.store, "fault": options.kill,
        "requests": len(answered), "seconds": round(elapsed, 2), "requestsPerSecond": round(len(answered) / elapsed, 1),
        "p50Milliseconds": round(percentile(0.50), 1), "p99Milliseconds": round(percentile(0.99), 1),
        "retried": dict(failures), "finished": len(finished), "problems": problems,
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    shutil.rmtree(project, ignore_errors=True)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
