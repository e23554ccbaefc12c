#!/usr/bin/env python3
"""Runs a command with standard error on a real pseudo-terminal and standard output on a pipe.

Prints one JSON object: {"code": exit code, "stdout": ..., "stderr": ... (what the terminal got)}.
The CLI sees process.stderr.isTTY === true exactly as under a person's terminal, while stdout stays
a pipe, so a test can check that progress goes to the terminal and never into the report.
"""
import json, os, pty, subprocess, sys, termios, struct, fcntl, threading

master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
proc = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
os.close(slave)
# Standard output is read on its own thread while the terminal is read here: reading it only after
# the terminal closed deadlocked once a report outgrew the pipe buffer (64 KB), the child blocked on
# stdout and never closed the terminal.
out_chunks = []
reader = threading.Thread(target=lambda: out_chunks.append(proc.stdout.read()), daemon=True)
reader.start()
chunks = []
while True:
    try:
        data = os.read(master, 65536)
    except OSError:  # EIO: the child closed the terminal
        break
    if not data:
        break
    chunks.append(data)
code = proc.wait()
reader.join()
out = b"".join(out_chunks)
print(json.dumps({"code": code, "stdout": out.decode("utf-8", "replace"), "stderr": b"".join(chunks).decode("utf-8", "replace")}))
