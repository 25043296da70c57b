"""A Maildir handler for aiosmtpd that takes mail only after AUTH PLAIN as the given user.

aiosmtpd's command line cannot configure authentication, so SmtpTestServer loads this with
  PYTHONPATH=<this folder> python3 -m aiosmtpd -c login_mailbox.LoginMailbox MAILDIR USER PASSWORD
aiosmtpd offers AUTH only over TLS (its default), as real servers do.
"""
from base64 import b64decode

from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult


class LoginMailbox(Mailbox):
    def __init__(self, mail_dir, user, password):
        super().__init__(mail_dir)
        self.credentials = [user.encode(), password.encode()]

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(*args)

    # Replaces aiosmtpd's built-in PLAIN, which refuses everyone when no authenticator is configured.
    async def auth_PLAIN(self, server, args):
        response = b64decode(args[1]) if len(args) > 1 else await server.challenge_auth("")
        # handled=False: aiosmtpd answers 535 itself when the login is wrong.
        return AuthResult(success=response.split(b"\0")[1:] == self.credentials, handled=False)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"
