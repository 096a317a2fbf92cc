#!/usr/bin/env python3
"""Probe #1 of issue 11: a /hubs/runs feed ends once the token that opened it is revoked.

Usage: hub_revocation.py BASE_URL TOKEN TOKEN_ID CONTROL_TOKEN [LIMIT_S=60]

Opens two SignalR connections over WebSockets (a minimal client on the standard library): one with
TOKEN, one with CONTROL_TOKEN (another user's token that stays live). A WebSocket is authenticated
once, when it opens, so only the server's periodic re-check can end it; long polling would end by
itself, as every poll is a new request that a revoked token cannot pass. Both connections answer the
server and send a SignalR ping every 10 s, so the server's client timeout cannot close them. Then
TOKEN revokes itself (DELETE /api/tokens/TOKEN_ID) and the script waits up to LIMIT_S for the server
to end that connection (a close frame, or the socket closing). The control connection must still be
open then, which shows the close came from the revocation. Prints one line
"closed_after_s=S control_open=true|false revoke=STATUS end=..." and exits 0 when the probe passes.
"""
import base64
import json
import os
import socket
import struct
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

RS = "\x1e"


def http(method, url, token, body=None):
    req = urllib.request.Request(url, data=body, method=method)
    req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


class HubSocket:
    """A SignalR JSON-protocol connection to /hubs/runs over one WebSocket."""

    def __init__(self, base, token):
        status, body = http("POST", f"{base}hubs/runs/negotiate?negotiateVersion=1", token, b"")
        if status != 200:
            raise RuntimeError(f"negotiate answered {status}: {body[:200]}")
        connection = urllib.parse.quote(json.loads(body)["connectionToken"])
        parts = urllib.parse.urlsplit(base)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {parts.path}hubs/runs?id={connection} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                           f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           f"Sec-WebSocket-Version: 13\r\nAuthorization: Bearer {token}\r\n\r\n").encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("the server closed the WebSocket upgrade")
            self.buffer += chunk
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        status_line = head.split(b"\r\n", 1)[0].decode()
        if " 101 " not in status_line:
            raise RuntimeError(f"WebSocket upgrade answered {status_line}")
        self.lock = threading.Lock()
        self.handshaken = threading.Event()
        self.ended_at = None
        self.end = None
        self.sock.settimeout(None)
        threading.Thread(target=self._read, daemon=True).start()
        self.send('{"protocol":"json","version":1}' + RS)
        if not self.handshaken.wait(10):
            raise RuntimeError("no SignalR handshake answer within 10 s")

    def _frame(self, opcode, data):
        mask = os.urandom(4)
        n = len(data)
        head = bytes([0x80 | opcode]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n))
        with self.lock:
            self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def send(self, text):
        if self.ended_at is None:
            try:
                self._frame(0x1, text.encode())
            except OSError:
                pass

    def _exactly(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _read(self):
        try:
            while True:
                b0, b1 = self._exactly(2)
                n = b1 & 0x7F
                if n == 126:
                    n = struct.unpack(">H", self._exactly(2))[0]
                elif n == 127:
                    n = struct.unpack(">Q", self._exactly(8))[0]
                payload = self._exactly(n)
                opcode = b0 & 0x0F
                if opcode == 0x8:
                    code = struct.unpack(">H", payload[:2])[0] if len(payload) >= 2 else None
                    self._ended(f"close frame {code}")
                    return
                if opcode == 0x9:
                    self._frame(0xA, payload)
                elif opcode == 0x1:
                    for message in payload.decode().split(RS):
                        if message == "{}":
                            self.handshaken.set()
                        elif '"type":7' in message:
                            self.end = f"SignalR close {message}"
        except (EOFError, OSError):
            self._ended("socket closed")

    def _ended(self, how):
        if self.ended_at is None:
            self.ended_at = time.monotonic()
            self.end = self.end or how


def main():
    base, token, token_id, control = sys.argv[1:5]
    limit = float(sys.argv[5]) if len(sys.argv) > 5 else 60.0
    feed, other = HubSocket(base, token), HubSocket(base, control)
    revoke, _ = http("DELETE", f"{base}api/tokens/{token_id}", token)
    revoked_at = time.monotonic()
    next_ping = revoked_at
    while feed.ended_at is None and time.monotonic() - revoked_at < limit:
        if time.monotonic() >= next_ping:
            feed.send('{"type":6}' + RS)
            other.send('{"type":6}' + RS)
            next_ping += 10
        time.sleep(0.2)
    time.sleep(0.5)
    control_open = other.ended_at is None
    closed = None if feed.ended_at is None else feed.ended_at - revoked_at
    print(f"revoke {revoke}; feed closed {'never' if closed is None else f'after {closed:.1f} s'} ({feed.end}); "
          f"control feed {'open' if control_open else 'closed: ' + str(other.end)}")
    return 0 if revoke == 204 and closed is not None and control_open else 1


if __name__ == "__main__":
    sys.exit(main())
