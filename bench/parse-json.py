#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parses a users list with Python's json module, as RingCentral's samples do, and turns each
user into a record: the fields Ringside keeps, roles as names, nested users flattened.

usage: parse-json.py FILE [RUNS]

Prints "MEDIAN_MS LOADS_MEDIAN_MS N_RECORDS": json.loads plus the records, json.loads alone.
The file is read before the clock starts."""

import json
import statistics
import sys
import time


def role_name(role):
    if isinstance(role, dict):
        return role.get("roleType") or role.get("description")
    return role


def records(users, out, parent_id=None, depth=0):
    for user in users:
        path = user.get("parentPath")
        if parent_id is None and path:
            ancestors = [int(part) for part in str(path).split(".") if part]
            user_parent, user_depth = ancestors[-1], len(ancestors)
        else:
            user_parent, user_depth = parent_id, depth
        first, last = user.get("firstName"), user.get("lastName")
        full = user.get("fullName") or " ".join(p for p in (first, last) if p)
        roles = [name for name in map(role_name, user.get("roles") or []) if name]
        out.append((user["userId"], user.get("userName"), first, last, full,
                    user.get("enabled", True), user.get("rootUser", False),
                    user.get("rcUserId"), user_parent, user_depth, roles,
                    ", ".join(roles), user.get("creationDate")))
        records(user.get("children") or [], out, user["userId"], user_depth + 1)
    return out


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with open(path, "rb") as f:
        body = f.read()

    times, loads_times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        users = json.loads(body)
        loaded = time.perf_counter()
        result = records(users, [])
        times.append((time.perf_counter() - start) * 1000)
        loads_times.append((loaded - start) * 1000)
        count = len(result)
        del users, result

    print(f"{statistics.median(times):.1f} {statistics.median(loads_times):.1f} {count}")


if __name__ == "__main__":
    main()
