"""Drives the cluster that scripts/cluster.sh starts, through nginx only, like a crowd of browsers would.

Proves, and prints the figures of:
  1. customers register, confirm by mail and sign in; one keeps working while requests alternate between instances
     (each response names its instance in X-Instance); a cart and an order placed through one are seen through the others;
  2. 50 simultaneous checkouts of a product with stock 10, spread over the instances, give exactly 10 orders (checked in
     the database) and leave the stock at 0;
  3. every outbox message is sent exactly once (the SMTP sink's mails against the database's outbox);
  4. nginx's sign-in limit (deploy/nginx/webapp.conf) holds across the instances: one address gets its burst, then 429;
  5. an instance killed (SIGKILL) under load loses no GET (nginx retries those elsewhere) and the site keeps serving,
     POSTs included.
Each visitor connects from an address of its own (127.0.0.2, 127.0.0.3, ...), as customers would.
Exit code 1 on any violation. Standard library only.
"""
import argparse
import collections
import email
import email.policy
import functools
import html
import http.client
import http.cookiejar
import itertools
import mailbox
import os
import re
import signal
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "Cluster!2345"
TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
HIDDEN = re.compile(r'<input type="hidden"[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"')

args = None
violations = []
lock = threading.Lock()
figures = collections.Counter()
served_by = collections.Counter()


def violation(message):
    with lock:
        violations.append(message)
    print(f"VIOLATION: {message}", flush=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_):
        return None


class BoundHTTPSHandler(urllib.request.HTTPSHandler):
    """HTTPS from a given loopback address, so that each visitor is a client address of its own to nginx and the app."""

    def __init__(self, context, source):
        super().__init__(context=context)
        self._source = source

    def https_open(self, request):
        connection = functools.partial(http.client.HTTPSConnection, source_address=(self._source, 0))
        return self.do_open(connection, request, context=self._context)


addresses_given = itertools.count()


def next_client_address():
    """127.0.0.2, 127.0.0.3, ...: every address in 127.0.0.0/8 is this machine's."""
    with lock:
        n = next(addresses_given)
    return f"127.0.{n // 250}.{n % 250 + 2}"


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body
        self.instance = headers.get("X-Instance")
        self.location = headers.get("Location")


class Browser:
    """One visitor: its own cookies, redirects followed by hand (so that each hop's instance is seen)."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.address = next_client_address()
        context = ssl.create_default_context(cafile=args.cafile)
        self.opener = urllib.request.build_opener(
            BoundHTTPSHandler(context, self.address), urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect())
        self.instances = []

    def request(self, method, path, form=None, refusable=False, hidden=False, headers=None):
        """One request; a 5xx, or an answer that no instance gave, is a failure, except nginx's 429 when refusable
        (or its 404 when hidden)."""
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(args.base + path, data=data, method=method, headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as answer:
                response = Response(answer.status, answer.headers, answer.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            response = Response(error.code, error.headers, error.read().decode("utf-8", "replace"))
        except OSError as error:
            with lock:
                figures["requests"] += 1
                figures["failures"] += 1
            raise RuntimeError(f"{method} {path}: {error}") from error
        if response.instance is None and ((refusable and response.status == 429) or (hidden and response.status == 404)):
            with lock:
                figures["requests"] += 1
                figures["answered by nginx itself"] += 1
            return response
        with lock:
            figures["requests"] += 1
            if response.status >= 500 or response.instance is None:
                figures["failures"] += 1
            if response.instance:
                served_by[response.instance] += 1
        if response.status >= 500:
            raise RuntimeError(f"{method} {path}: {response.status} from {response.instance}")
        if response.instance is None:
            raise RuntimeError(f"{method} {path}: {response.status} without X-Instance (not from an instance)")
        self.instances.append(response.instance)
        return response

    def get(self, path):
        """GET, following redirects to a page (each hop counts as a request)."""
        response = self.request("GET", path)
        while response.status in (301, 302, 303) and response.location:
            response = self.request("GET", relative(response.location))
        return response

    def post_form(self, page_path, action_path, fields, refusable=False):
        """GET the page for its antiforgery token, then POST the form; the POST's own answer (no redirect followed)."""
        page = self.get(page_path)
        token = TOKEN.search(page.body)
        if token is None:
            raise RuntimeError(f"GET {page_path}: no antiforgery token ({page.status})")
        fields = dict(fields, __RequestVerificationToken=html.unescape(token.group(1)))
        return self.request("POST", action_path, fields, refusable)


def relative(location):
    parts = urllib.parse.urlsplit(location)
    return parts.path + ("?" + parts.query if parts.query else "")


def psql(sql):
    command = [args.psql, "-h", "127.0.0.1", "-p", str(args.postgres_port), "-U", "postgres", "-d", "postgres",
               "-At", "-F", "\t", "-c", sql]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def mails():
    """Every message the sink received: (to, subject, html body)."""
    received = []
    if not os.path.isdir(args.maildir):
        return received
    for message in mailbox.Maildir(args.maildir, factory=None, create=False):
        parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
        body = parsed.get_body(("html", "plain"))
        received.append((str(parsed["To"]), str(parsed["Subject"]), body.get_content() if body else ""))
    return received


def wait_for(what, condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    violation(f"{what} (waited {seconds} s)")
    return False


def run_all(work, items, threads):
    """work(item) for every item on `threads` threads at once; an exception is a violation."""
    queue = list(items)
    results = {}

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                item = queue.pop()
            try:
                results[item] = work(item)
            except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the others
                violation(str(error))

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return results


# 1. Accounts, alternation, a cart and an order seen everywhere -------------------------------------------------------

def register(address):
    browser = Browser()
    answer = browser.post_form("/Identity/Account/Register", "/Identity/Account/Register",
                               {"Input.Email": address, "Input.Password": PASSWORD, "Input.ConfirmPassword": PASSWORD})
    if answer.status not in (200, 302):
        raise RuntimeError(f"register {address}: {answer.status}")


def confirm(link):
    answer = Browser().get(relative(html.unescape(link)))
    if answer.status != 200 or "Thank you for confirming your email" not in answer.body:
        raise RuntimeError(f"confirming {link}: {answer.status}")


def sign_in(address):
    browser = Browser()
    answer = browser.post_form("/Identity/Account/Login", "/Identity/Account/Login",
                               {"Input.Email": address, "Input.Password": PASSWORD})
    if answer.status != 302:
        raise RuntimeError(f"sign-in of {address}: {answer.status}, not a redirect")
    cookies = answer.headers.get_all("Set-Cookie") or []
    if not any(c.startswith("__Host-WebApp.Identity=") and "secure" in c.lower() for c in cookies):
        raise RuntimeError(f"sign-in of {address}: no Secure __Host-WebApp.Identity cookie")
    return browser


def add_to_cart(browser, product_id):
    answer = browser.post_form(f"/cart/add?productId={product_id}", "/cart/add",
                               {"productId": product_id, "quantity": 1, "returnUrl": "/cart"})
    if answer.status != 302:
        raise RuntimeError(f"add to cart: {answer.status}")


def review_step(browser, address):
    """Checkout's details step, then the review step's form (with its one-time key) ready to place."""
    details = {"Form.ContactEmail": address, "Form.ShippingName": "Cluster Customer",
               "Form.ShippingAddressLine1": "1 Loopback Road", "Form.ShippingCity": "Localhost",
               "Form.ShippingPostalCode": "12345", "Form.ShippingCountry": "Norway",
               "Form.ShippingMethod": "Standard", "Form.PaymentMethod": "Bank transfer"}
    answer = browser.post_form("/checkout", "/checkout?handler=Review", details)
    if answer.status != 302:
        raise RuntimeError(f"checkout details of {address}: {answer.status}")
    review = browser.get(relative(answer.location))
    form = {name: html.unescape(value) for name, value in HIDDEN.findall(review.body)}
    token = TOKEN.search(review.body)
    if "IdempotencyKey" not in form or token is None:
        raise RuntimeError(f"checkout review of {address}: no place-order form ({review.status})")
    form["__RequestVerificationToken"] = html.unescape(token.group(1))
    return form


def place(browser, form):
    """POST "Place order"; the order number when placed, None when refused."""
    answer = browser.request("POST", "/checkout?handler=Place", form)
    if answer.status == 302 and answer.location and "/orders/" in answer.location:
        return relative(answer.location).rsplit("/", 1)[1], answer.instance
    if answer.status == 200:
        return None, answer.instance
    raise RuntimeError(f"place order: {answer.status}")


def seen_on_every_instance(browser, path, text, what):
    """GETs path until each of the three instances has answered it; each answer must show text."""
    shown = set()
    for _ in range(9):
        answer = browser.get(path)
        if answer.status != 200 or text not in answer.body:
            violation(f"{what} not shown by {answer.instance} ({answer.status})")
            return
        shown.add(answer.instance)
        if len(shown) == 3:
            break
    if len(shown) != 3:
        violation(f"{what}: only {sorted(shown)} answered {path}")
    print(f"  {what}: shown by {', '.join(sorted(shown))}", flush=True)


def main():
    global args
    parser = argparse.ArgumentParser()
    for option in ("--base", "--cafile", "--maildir", "--psql", "--postgres-port", "--kill-name"):
        parser.add_argument(option, required=True)
    parser.add_argument("--kill-pid", type=int, required=True)
    parser.add_argument("--customers", type=int, default=50)
    parser.add_argument("--stock", type=int, default=10)
    args = parser.parse_args()
    started = time.monotonic()

    products = psql('SELECT "Id", "Slug", "Name" FROM "Products" WHERE "IsActive" ORDER BY "Id" LIMIT 2').splitlines()
    (plenty_id, plenty_slug, plenty_name), (scarce_id, _, _) = (line.split("\t") for line in products)
    psql(f'UPDATE "Products" SET "Stock" = 1000 WHERE "Id" = {plenty_id}; '
         f'UPDATE "Products" SET "Stock" = {args.stock} WHERE "Id" = {scarce_id}')

    print(f"cluster: {args.customers + 1} customers register through nginx, confirm by mail and sign in", flush=True)
    addresses = [f"customer{n}@cluster.example.com" for n in range(args.customers + 1)]
    run_all(register, addresses, 8)
    wait_for("a confirmation mail for every customer", lambda: len(mails()) >= len(addresses), 60)
    links = [re.search(r'href="([^"]*ConfirmEmail[^"]*)"', body) for _, _, body in mails()]
    run_all(confirm, [link.group(1) for link in links if link], 8)
    browsers = run_all(sign_in, addresses, 8)
    if len(browsers) != len(addresses):
        violation(f"{len(addresses) - len(browsers)} customers could not sign in")
        return finish(started)

    first = browsers[addresses[0]]
    print("cluster: one customer works while requests alternate between instances", flush=True)
    add_to_cart(first, plenty_id)
    seen_on_every_instance(first, "/cart", html.escape(plenty_name), "the cart")
    number, _ = place(first, review_step(first, addresses[0]))
    if number is None:
        violation("the first order was refused")
    else:
        seen_on_every_instance(first, f"/orders/{number}", number, f"order {number}")
        seen_on_every_instance(first, "/orders", number, "the order list")
    seen_on_every_instance(first, f"/products/{plenty_slug}", html.escape(plenty_name), "the product page")
    if len(set(first.instances)) != 3:
        violation(f"the signed-in customer was served by {sorted(set(first.instances))} only")
    figures["alternating requests"] = len(first.instances)

    production_headers()
    hidden = Browser().request("GET", "/metrics", refusable=True, hidden=True)
    if hidden.status != 404 or hidden.instance is not None:
        violation(f"/metrics through nginx: {hidden.status} from {hidden.instance}, not nginx's 404")

    checkouts(browsers, addresses[1:], scarce_id)
    sign_in_limit()
    outbox()
    kill_under_load(first, plenty_id)
    return finish(started)


def production_headers():
    """The headers a Production response carries through nginx, printed for the README, and checked."""
    print("cluster: the headers of a Production page through nginx", flush=True)
    # A host name of the site's (ASP.NET Core sends no HSTS to localhost or 127.0.0.1).
    page = Browser().request("GET", "/products", headers={"Accept-Encoding": "br, gzip", "Host": "shop.example.com"})
    login = Browser().request("GET", "/Identity/Account/Login")
    expected = {"Strict-Transport-Security": "max-age=31536000", "Content-Security-Policy": "frame-ancestors 'none'",
                "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
                "Referrer-Policy": "strict-origin-when-cross-origin", "Permissions-Policy": "camera=()",
                "Content-Encoding": ""}
    for name, part in expected.items():
        value = page.headers.get(name)
        print(f"  {name}: {value}", flush=True)
        if value is None or part not in value:
            violation(f"/products through nginx: {name} is {value!r}")
    for cookie in login.headers.get_all("Set-Cookie") or []:
        print(f"  Set-Cookie: {cookie.split('=', 1)[0]}=...; {cookie.split(';', 1)[1].strip() if ';' in cookie else ''}", flush=True)
        if "secure" not in cookie.lower() or ("Antiforgery" in cookie and not cookie.startswith("__Host-")):
            violation(f"a cookie without Secure, or the antiforgery cookie without __Host-: {cookie.split('=', 1)[0]}")


# 2. 50 simultaneous checkouts of a product with stock 10 --------------------------------------------------------------

def checkouts(browsers, addresses, product_id):
    print(f"cluster: {len(addresses)} customers check out the last {args.stock} items at the same moment", flush=True)
    forms = run_all(lambda a: (add_to_cart(browsers[a], product_id), review_step(browsers[a], a))[1], addresses, 8)
    gate = threading.Barrier(len(forms))

    def at_once(address):
        gate.wait()
        return place(browsers[address], forms[address])

    outcomes = run_all(at_once, list(forms), len(forms))
    placed = [number for number, _ in outcomes.values() if number]
    instances = collections.Counter(instance for _, instance in outcomes.values())
    orders = int(psql(f'SELECT count(DISTINCT "OrderId") FROM "OrderLines" WHERE "ProductId" = {product_id}'))
    stock = int(psql(f'SELECT "Stock" FROM "Products" WHERE "Id" = {product_id}'))
    figures["checkouts"] = len(outcomes)
    figures["orders placed"] = len(placed)
    figures["orders in the database"] = orders
    figures["stock left"] = stock
    print(f"  {len(outcomes)} checkouts served by {dict(sorted(instances.items()))}: {len(placed)} placed, "
          f"{len(outcomes) - len(placed)} refused; {orders} orders in the database, stock left {stock}", flush=True)
    if len(outcomes) != len(addresses):
        violation(f"{len(addresses) - len(outcomes)} checkouts did not get an answer")
    if len(placed) != args.stock or orders != args.stock or stock != 0:
        violation(f"expected exactly {args.stock} orders and no stock left")
    if len(instances) < 2:
        violation(f"the checkouts were not spread over the instances: {dict(instances)}")


# 3. nginx's sign-in limit holds across the instances -----------------------------------------------------------------

def sign_in_limit(attempts=30, burst=20):
    print(f"cluster: one client address tries {attempts} sign-ins in a row (nginx allows a burst of {burst})", flush=True)
    guesser = Browser()
    answered = collections.Counter()
    refused = 0
    for n in range(attempts):
        answer = guesser.post_form("/Identity/Account/Login", "/Identity/Account/Login",
                                   {"Input.Email": f"nobody{n}@cluster.example.com", "Input.Password": "Wrong!2345"},
                                   refusable=True)
        if answer.status == 429:
            refused += 1
        elif answer.status == 200 and "Invalid login attempt." in answer.body:
            answered[answer.instance] += 1
        else:
            violation(f"sign-in attempt {n}: {answer.status} from {answer.instance}")
    figures["sign-ins answered"] = sum(answered.values())
    figures["sign-ins refused by nginx"] = refused
    print(f"  {sum(answered.values())} answered by {dict(sorted(answered.items()))}, {refused} refused with 429 by nginx",
          flush=True)
    # The burst, plus at most one more that the rate (2 a minute) lets through while the attempts run.
    if not burst <= sum(answered.values()) <= burst + 1 or refused != attempts - sum(answered.values()):
        violation(f"expected {burst} (or {burst + 1}) sign-ins answered and the rest refused")
    if len(answered) < 2:
        violation("the answered sign-ins were not spread over the instances, so the limit was not shown to span them")


# 4. Each outbox message sent once -------------------------------------------------------------------------------------

def outbox():
    print("cluster: every outbox message is sent exactly once", flush=True)
    wait_for("the outbox delivered every message",
             lambda: psql('SELECT count(*) FROM "OutboxMessages" WHERE "SentAt" IS NULL') == "0", 60)
    time.sleep(2)  # a duplicate would come from a second dispatcher: give it time to arrive
    stored = collections.Counter(tuple(line.split("\t", 1)) for line in
                                 psql('SELECT "To", "Subject" FROM "OutboxMessages"').splitlines())
    received = collections.Counter((to, subject) for to, subject, _ in mails())
    figures["outbox messages"] = sum(stored.values())
    figures["mails received"] = sum(received.values())
    print(f"  {sum(stored.values())} outbox messages, {sum(received.values())} mails at the sink", flush=True)
    for key in stored.keys() | received.keys():
        if stored[key] != received[key]:
            violation(f"mail {key}: {stored[key]} in the outbox, {received[key]} received")


# 5. An instance killed under load -------------------------------------------------------------------------------------

def kill_under_load(customer, product_id):
    print(f"cluster: {args.kill_name} is killed (SIGKILL) while 6 visitors browse", flush=True)
    stop = threading.Event()
    before = figures["failures"]
    counts = collections.Counter()

    def visitor(n):
        browser = customer if n == 0 else Browser()
        paths = ["/", "/products", "/products?page=2", "/categories", "/cart"] + (["/orders"] if n == 0 else [])
        while not stop.is_set():
            for path in paths:
                try:
                    answer = browser.get(path)
                    with lock:
                        counts["requests"] += 1
                        counts[answer.instance] += 1
                    if answer.status != 200:
                        violation(f"GET {path} during the kill: {answer.status}")
                except Exception as error:  # noqa: BLE001
                    violation(f"GET {path} during the kill: {error}")

    pool = [threading.Thread(target=visitor, args=(n,)) for n in range(6)]
    for thread in pool:
        thread.start()
    time.sleep(4)
    os.kill(args.kill_pid, signal.SIGKILL)
    killed_at = counts["requests"]
    time.sleep(8)
    stop.set()
    for thread in pool:
        thread.join()
    after = Browser()
    served_after = collections.Counter(after.get("/products").instance for _ in range(6))
    add_to_cart(customer, product_id)  # a POST after the kill
    figures["requests under load"] = counts["requests"]
    figures["requests after the kill"] = counts["requests"] - killed_at
    figures["failures during the kill"] = figures["failures"] - before
    print(f"  {counts['requests']} GETs ({counts['requests'] - killed_at} after the kill), "
          f"{figures['failures'] - before} failed; afterwards served by {dict(sorted(served_after.items()))}", flush=True)
    if args.kill_name in served_after:
        violation(f"{args.kill_name} still answers after SIGKILL")
    if counts["requests"] - killed_at < 10:
        violation("too few requests after the kill to tell")


def finish(started):
    print(f"cluster: {figures['requests']} requests in {time.monotonic() - started:.0f} s, {figures['failures']} failed; "
          f"served by {dict(sorted(served_by.items()))}", flush=True)
    print("cluster figures: " + ", ".join(f"{key}={value}" for key, value in figures.items()), flush=True)
    if violations or figures["failures"]:
        print(f"cluster: FAILED ({len(violations)} violations, {figures['failures']} failed requests)", flush=True)
        return 1
    print("cluster: passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
