#!/usr/bin/python3
# test-a11y.py: the real app survives, and serves, an AT-SPI client while a large list loads.
#
# Runs under tests/run-isolated.sh --keyring --display (a private session bus, a keyring,
# Xvfb). Starts the accessibility bus (at-spi-bus-launcher) on that session bus, a demo server
# of RINGSIDE_A11Y_USERS users (100,000 unless told) with a session for it in the keyring
# (signed-in-demo-server), then the real app binary against it, with GTK's accessibility on
# and G_DEBUG=fatal-criticals. A pyatspi client, as a screen reader or an accessibility
# checker does, listens to the app's events and walks its whole tree again and again, reading
# every name, role and text (the list's cells, the count) while the users load, then searches
# through the search entry and reads the results. It fails on a crash and on any GLib warning
# or critical the app prints, and checks what the client can learn: the count, announced as
# a status, and a name for every cell and control.
#
# usage: test-a11y.py RINGSIDE_BINARY SIGNED_IN_DEMO_SERVER_BINARY
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import threading
import time

# The suite's G_DEBUG=fatal-warnings is for the programs under test: GLib reads it when it is
# loaded, so it must go before gi is imported, or any warning of libatspi would kill the
# client rather than fail the test with a message.
os.environ.pop("G_DEBUG", None)

try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
    import pyatspi
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP pyatspi is not installed (python3-pyatspi): {e}")
    sys.exit(0)

N_USERS = int(os.environ.get("RINGSIDE_A11Y_USERS", "100000"))
# Deadlines for what the client waits for, generous for sanitizer builds; meson's own
# timeout (and its --timeout-multiplier) bounds the whole test.
SLOW = float(os.environ.get("RINGSIDE_A11Y_TIMEOUT_FACTOR", "1"))
WALK_INTERVAL = 0.5

test_number = 0
failed = False


def log(text):
    for line in str(text).splitlines():
        print(f"# {line}", flush=True)


def ok(condition, description):
    global test_number, failed
    test_number += 1
    print(f"{'ok' if condition else 'not ok'} {test_number} - {description}", flush=True)
    if not condition:
        failed = True
    return condition


def bail_out(reason):
    print(f"Bail out! {reason}", flush=True)
    sys.exit(1)


def format_count(n):
    return f"{n:,}"


# The accessibility bus

def start_a11y_bus():
    """at-spi-bus-launcher, as a desktop session starts it: it owns org.a11y.Bus on the
    session bus and runs the accessibility bus, where the registry is activated. Its
    children's standard output (the registry announces itself there) is not TAP."""
    launcher = "/usr/libexec/at-spi-bus-launcher"
    if not os.path.exists(launcher):
        bail_out(f"{launcher} is missing (at-spi2-core)")
    process = subprocess.Popen([launcher, "--launch-immediately"],
                               stdin=subprocess.DEVNULL, stdout=sys.stderr)
    wait = subprocess.run(["gdbus", "wait", "--session", "--timeout", "20", "org.a11y.Bus"],
                          stdout=sys.stderr)
    if wait.returncode != 0:
        bail_out("org.a11y.Bus did not appear on the session bus")
    return process


# The app's standard error, kept and checked

class ErrorLog:
    # GLib's format: "(prog:pid): Domain-LEVEL **: time: message"
    BAD = re.compile(r"-(CRITICAL|WARNING) \*\*|ERROR:|AddressSanitizer|runtime error:")

    def __init__(self, stream):
        self.lines = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.read, args=(stream,), daemon=True)
        self.thread.start()

    def read(self, stream):
        for raw in stream:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            with self.lock:
                self.lines.append(line)
            print(f"# app: {line}", file=sys.stderr, flush=True)

    def bad_lines(self):
        with self.lock:
            return [line for line in self.lines if self.BAD.search(line)]


# The client

class Client:
    def __init__(self, pid):
        self.pid = pid
        self.app = None
        self.events = 0
        self.walks = 0
        self.walk_time = 0.0
        # Status bars to read again every few nodes of a walk, as a screen reader reads a
        # status when it changes: (seconds since started, text) of each change.
        self.watched = []
        self.last_status = {}
        self.watch_start = time.monotonic()
        self.statuses = []
        self.nodes = 0
        self.texts_read = 0
        # As Orca does: listening makes the app send its events, which are code paths of
        # their own in GTK.
        self.listener = Atspi.EventListener.new(self.on_event)
        for event in ("object:children-changed", "object:text-changed",
                      "object:property-change", "object:state-changed",
                      "object:active-descendant-changed", "focus:", "window:"):
            self.listener.register(event)

    def on_event(self, event):
        self.events += 1

    def pump(self, seconds):
        """Lets the client's main context deliver events for @seconds."""
        context = GLib.MainContext.default()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            while context.pending():
                context.iteration(False)
            time.sleep(0.02)

    def find_app(self, process, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end and process.poll() is None:
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                try:
                    app = desktop.get_child_at_index(i)
                    if app is not None and app.get_process_id() == self.pid:
                        self.app = app
                        return app
                except GLib.GError:
                    pass
            self.pump(0.2)
        return None

    def read_watched(self):
        for i, accessible in enumerate(self.watched):
            try:
                # GTK 4.8 clamps an end of -1 to 0: ask for the length first.
                text = Atspi.Text.get_text(accessible, 0,
                                           Atspi.Text.get_character_count(accessible))
            except GLib.GError:
                continue
            if text and self.last_status.get(i) != text:
                self.last_status[i] = text
                self.statuses.append((time.monotonic() - self.watch_start, text))

    def find_status_bars(self):
        """A quick pass that skips the tables, to read the counts from the start."""
        def visit(accessible, depth):
            try:
                role = accessible.get_role_name()
                if role == "status bar" and accessible not in self.watched:
                    self.watched.append(accessible)
                if role == "tree table" or depth > 60:
                    return
                children = [accessible.get_child_at_index(i)
                            for i in range(accessible.get_child_count())]
            except GLib.GError:
                return
            for child in children:
                if child is not None:
                    visit(child, depth + 1)

        visit(self.app, 0)
        self.read_watched()

    def walk(self):
        """Reads the whole tree, as an accessibility checker does; returns the nodes as
        (role name, name, text, accessible) tuples. Objects that go away while it walks are
        skipped: that is the app's right, not an error."""
        nodes = []
        self.app.clear_cache()

        def visit(accessible, depth):
            if depth > 60:
                return
            if len(nodes) % 100 == 0:
                self.read_watched()
            try:
                role = accessible.get_role_name()
                name = accessible.get_name()
                text = None
                iface = accessible.get_text_iface()
                if iface is not None:
                    # CharacterCount, then GetText: what a screen reader asks first.
                    count = Atspi.Text.get_character_count(accessible)
                    text = Atspi.Text.get_text(accessible, 0, max(count, 0))
                    self.texts_read += 1
                # What Orca asks of every object it presents: its description, states,
                # relations (the objects they point to are references of their own) and,
                # for the focus, where it is.
                accessible.get_description()
                accessible.get_state_set()
                for relation in accessible.get_relation_set():
                    for t in range(relation.get_n_targets()):
                        relation.get_target(t)
                nodes.append((role, name, text, accessible))
                if role == "status bar" and accessible not in self.watched:
                    self.watched.append(accessible)
                n_children = accessible.get_child_count()
            except GLib.GError:
                return
            for i in range(n_children):
                try:
                    child = accessible.get_child_at_index(i)
                except GLib.GError:
                    continue
                if child is not None:
                    visit(child, depth + 1)

        start = time.monotonic()
        visit(self.app, 0)
        self.walk_time += time.monotonic() - start
        self.walks += 1
        self.nodes += len(nodes)
        return nodes


def number(text):
    return int(re.sub(r"\D", "", text.split(" of ")[-1]) or -1)


def find_count(nodes, pattern):
    """The count under the list, where the window's subtitle may say it too: a status bar
    first."""
    found = (None, None, None)
    for role, name, text, accessible in nodes:
        for value in (text, name):
            if value and pattern.search(value):
                if role == "status bar":
                    return role, value, accessible
                if found[0] is None:
                    found = (role, value, accessible)
    return found


def find_node(nodes, role, name):
    for node in nodes:
        if node[0] == role and node[1] == name:
            return node[3]
    return None


def main():
    if len(sys.argv) != 3:
        bail_out("usage: test-a11y.py RINGSIDE_BINARY SIGNED_IN_DEMO_SERVER_BINARY")
    ringside, demo_server = sys.argv[1:3]

    bus = start_a11y_bus()

    server = subprocess.Popen([demo_server, f"--users={N_USERS}"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE)
    line = server.stdout.readline().decode().split()
    if len(line) != 2:
        bail_out("the demo server did not start")
    url, n_users = line[0], int(line[1])
    log(f"demo server at {url} with {n_users} users")

    env = dict(os.environ)
    # The suite turns accessibility off for every other test; this one is about it.
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    env["G_DEBUG"] = "fatal-criticals"
    started = time.monotonic()
    app = subprocess.Popen([ringside, "--server", url, "--platform-server", url], env=env,
                           stdin=subprocess.DEVNULL, stdout=sys.stderr, stderr=subprocess.PIPE)
    errors = ErrorLog(app.stderr)

    client = Client(app.pid)
    client.watch_start = started
    try:
        run_client(client, app, n_users, started)
    finally:
        alive = app.poll() is None
        if alive:
            app.terminate()
        try:
            status = app.wait(timeout=30 * SLOW)
        except subprocess.TimeoutExpired:
            app.kill()
            status = app.wait()
        errors.thread.join(timeout=10)
        ok(alive, "the app is still running after the client is done"
           + ("" if alive else f" (it ended with status {status})"))
        bad = errors.bad_lines()
        for line in bad:
            log(f"app: {line}")
        ok(not bad, "the app printed no GLib critical or warning")
        log(f"client: {client.walks} walks ({client.walk_time:.1f} s), {client.nodes} nodes, "
            f"{client.texts_read} texts read, {client.events} events")
        server.stdin.close()
        server.wait(timeout=30)
        bus.terminate()
        bus.wait(timeout=30)

    print(f"1..{test_number}", flush=True)
    sys.exit(1 if failed else 0)


def run_client(client, app, n_users, started):
    if not ok(client.find_app(app, 60 * SLOW) is not None, "the app is on the accessibility bus"):
        return

    # The counts under the lists, read every 100 nodes of each walk from now on, as a screen
    # reader reads a status when it changes.
    deadline = time.monotonic() + 30 * SLOW
    while len(client.watched) < 2 and time.monotonic() < deadline and app.poll() is None:
        client.find_status_bars()
        client.pump(0.1)

    # The users view. The window opens on the accounts. GTK 4.8 exports no Action interface
    # (nothing to "click" through AT-SPI), so the client checks that the tab is there and
    # switches with its keyboard shortcut, as a user of a screen reader does.
    nodes = client.walk()
    ok(find_node(nodes, "page tab", "Users") is not None,
       "the view switcher's Users tab is on the bus")
    log(f"{len(client.watched)} status bars read every 100 nodes of a walk")
    subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(app.pid),
                    "windowactivate", "--sync"], stdout=subprocess.DEVNULL)
    subprocess.run(["xdotool", "key", "alt+2"])

    # The count as the app formats it in the test's locale: digits, maybe grouped.
    digits = r"\d[\d,.\u00a0\u202f ]*"
    any_count = re.compile(rf"^(Loading…|{digits} users?(, loading…)?)$")
    seen = []
    count_role = None
    deadline = time.monotonic() + 240 * SLOW
    shown_at = None
    while time.monotonic() < deadline and app.poll() is None:
        nodes = client.walk()
        role, text, _ = find_count(nodes, any_count)
        if text is not None and (not seen or seen[-1][1] != text):
            seen.append((time.monotonic() - started, text))
            count_role = role
        if text is not None and text.endswith(" users") and number(text) == n_users:
            shown_at = time.monotonic() - started
            break
        client.pump(WALK_INTERVAL)
    log("the count read in walks: " + ", ".join(f"“{text}” at {at:.1f} s" for at, text in seen))
    log("the status bars read as they changed: " +
        ", ".join(f"“{text}” at {at:.1f} s" for at, text in client.statuses))
    ok(any("loading" in text.lower() for at, text in client.statuses),
       "the client read the loading state in a status bar")
    if not ok(shown_at is not None, f"the client read the count of {n_users} users"):
        return
    ok(count_role == "status bar",
       f"the count is announced as a status (its role: {count_role})")

    # Every cell and control has something to say.
    check_names(nodes)

    # A search, typed as a user does (type-to-search sends the keys to the search entry;
    # GTK 4.8 has no EditableText interface to set it through AT-SPI): the ID of the root
    # user, who reports to no one, so that the client reads an empty "Reports To" cell.
    subprocess.run(["xdotool", "type", "--delay", "50", "210400"])

    matches = re.compile(rf"^{digits} of {digits} users$")
    found = None
    deadline = time.monotonic() + 120 * SLOW
    while time.monotonic() < deadline and app.poll() is None:
        client.pump(WALK_INTERVAL)
        nodes = client.walk()
        _, text, _ = find_count(nodes, matches)
        if text is not None:
            found = text
            break
    if not ok(found is not None, "the client read the search's count"):
        return
    log(f"after the search: “{found}”")
    # The results, read a few more times while the filter settles.
    for _ in range(3):
        client.pump(WALK_INTERVAL)
        nodes = client.walk()
    check_names(nodes, "after the search")

    run_contact_centre(client, app)


def wait_for_text(client, app, pattern, seconds):
    """Walks until a node's text or name matches @pattern; returns the nodes and the text."""
    deadline = time.monotonic() + seconds * SLOW
    while time.monotonic() < deadline and app.poll() is None:
        client.pump(WALK_INTERVAL)
        nodes = client.walk()
        _, text, _ = find_count(nodes, pattern)
        if text is not None:
            return nodes, text
    return None, None


def keys(*names):
    for name in names:
        subprocess.run(["xdotool", "key", name])
        time.sleep(0.3)


def run_contact_centre(client, app):
    """A sub-account, as a keyboard and screen reader user goes through it: its agents, an
    agent's details with the Disable button, and the History, every cell and control named
    and nothing printed. The demo's "After Hours" is a small sub-account."""
    digits = r"\d[\d,.\u00a0\u202f ]*"

    keys("alt+1", "ctrl+a")
    subprocess.run(["xdotool", "type", "--delay", "50", "After Hours"])
    time.sleep(1)
    keys("Return")
    nodes, count = wait_for_text(client, app, re.compile(rf"^{digits} agents?$"), 60)
    if not ok(count is not None, "the client read the count of a sub-account's agents"):
        return
    log(f"the sub-account's agents: “{count}”")
    ok(find_node(nodes, "page tab", "History") is not None,
       "the sub-account's History tab is on the bus")
    check_names(nodes, "in a sub-account's agents")

    # Typing searches the agents; Enter opens the first match's details.
    subprocess.run(["xdotool", "type", "--delay", "50", "a"])
    time.sleep(1)
    keys("Return")
    nodes, button = wait_for_text(client, app, re.compile(r"^(Disable|Enable)$"), 30)
    ok(button is not None, "the client read an agent's details and their Disable button")
    if nodes is not None:
        check_names(nodes, "in an agent's details")

    keys("Escape", "alt+4")
    nodes, changes = wait_for_text(client, app, re.compile(rf"^{digits} changes?$"), 60)
    if not ok(changes is not None, "the client read the History's count"):
        return
    log(f"the History: “{changes}”")
    check_names(nodes, "in the History")


# What a GTK 4.8 widget without a label of its own calls itself: its type name.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Ringside)[A-Z]\w*$")
# A mnemonic's underscore, which GTK 4.8 leaves in the name of a button with one.
MNEMONIC = re.compile(r"(^|\s)_\w")
CONTROLS = ("push button", "toggle button", "check box", "radio button", "entry", "text",
            "page tab", "table cell", "table row", "menu item", "combo box", "spin button", "status bar")


def check_names(nodes, when="while loading"):
    """Every control and cell says what it is: a name of its own (not its type name, not a
    mnemonic's underscore), and every image in a cell (a status icon) too. All of the tree,
    hidden pages included: GTK 4.8 does not tell a client what is showing."""
    unnamed = []
    cells = 0
    for role, name, text, accessible in nodes:
        try:
            if role not in CONTROLS and not (role in ("image", "icon") and
                                             accessible.get_parent().get_role_name() in
                                             ("table cell", "push button")):
                continue
        except (GLib.GError, AttributeError):
            continue
        if role == "table cell":
            cells += 1
        if not name or TYPE_NAME.match(name) or MNEMONIC.search(name):
            unnamed.append(f"{role} “{name}” (text “{text}”, under {parent_path(accessible)})")
    for what in unnamed[:20]:
        log(f"no name: {what}")
    ok(not unnamed, f"every control and cell has a name {when} "
                    f"({len(unnamed)} without, {cells} cells)")


def parent_path(accessible):
    names = []
    try:
        parent = accessible.get_parent()
        while parent is not None and len(names) < 4:
            names.append(f"{parent.get_role_name()} “{parent.get_name()}”")
            parent = parent.get_parent()
    except GLib.GError:
        pass
    return " < ".join(names)


if __name__ == "__main__":
    main()
