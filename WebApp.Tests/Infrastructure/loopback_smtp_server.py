"""A real SMTP server on a loopback port for the tests (Debian's python3-aiosmtpd).

usage: loopback_smtp_server.py FOLDER PORT USER PASSWORD
Requires AUTH with USER/PASSWORD (over plain text: loopback only), writes each message it accepts to FOLDER as a
.eml file, prints "ready" once listening, and stops when its standard input closes.
"""
import itertools
import os
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

folder, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
counter = itertools.count()


class SaveToFolder:
    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(folder, f"{time.time_ns()}-{next(counter)}")
        with open(name + ".tmp", "wb") as file:
            file.write(envelope.original_content)
        os.rename(name + ".tmp", name + ".eml")
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword)
          and auth_data.login.decode() == user and auth_data.password.decode() == password)
    return AuthResult(success=ok)


controller = Controller(SaveToFolder(), hostname="127.0.0.1", port=port, authenticator=authenticate,
                        auth_required=True, auth_require_tls=False)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
