#!/usr/bin/python3
# atspi-client.py: an AT-SPI client that reads a running app again and again, for
# ringside-bench-list --atspi-client (see bench/README.md).
#
# usage: atspi-client.py PID
#
# Finds the app of process PID on the accessibility bus, listens to its events, and walks
# its whole tree (every name, role and text) every 0.5 s, as test-a11y.py's client does,
# until it is killed. Prints "attached" once it has walked the tree the first time.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import os
import sys

# The client of the test, so that the figure is for the same reader the test uses.
spec = importlib.util.spec_from_file_location(
    "test_a11y", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                              "test-a11y.py"))
test_a11y = importlib.util.module_from_spec(spec)
spec.loader.exec_module(test_a11y)


class Process:
    """What Client.find_app() polls: the app is not ours to wait for."""

    def poll(self):
        return None


def main():
    client = test_a11y.Client(int(sys.argv[1]))
    if client.find_app(Process(), 30) is None:
        print("not found", flush=True)
        sys.exit(1)
    client.walk()
    print("attached", flush=True)
    while True:
        client.pump(test_a11y.WALK_INTERVAL)
        client.walk()


if __name__ == "__main__":
    main()
