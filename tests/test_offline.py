"""No network: import, model load, scan and redact with sockets disabled."""

from __future__ import annotations

import subprocess
import sys

_CODE = """
import socket

def refuse(*args, **kwargs):
    raise RuntimeError("network access attempted")

class NoSocket(socket.socket):  # a class still, so that ssl can subclass it
    def __init__(self, *args, **kwargs):
        refuse()

socket.socket = NoSocket
socket.create_connection = refuse
socket.getaddrinfo = refuse

import phiguard
for profile in ("default", "fast"):
    guard = phiguard.Guard(profile=profile)
    prompt = "Pt Rosa Delgado, MRN 00412387, seen 3/4/24 by Dr. Okafor"
    text = guard.redact(prompt).text
    assert "Delgado" not in text and "00412387" not in text and "Okafor" not in text, text
    assert {f.label for f in guard.scan(prompt)} >= {"NAME", "MRN", "DATE"}
    assert [len(found) for found in guard.scan_many([prompt, "no PHI"])][1] == 0
    session = guard.session()
    assert session.restore(session.redact(prompt).text) == prompt
assert phiguard.scan("MRN 00412387")[0].label == "MRN"  # the shared default Guard
print("ok")
"""


def test_guard_works_with_sockets_disabled() -> None:
    result = subprocess.run([sys.executable, "-c", _CODE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
