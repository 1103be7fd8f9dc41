"""Which Host headers and websocket Origins the site answers to (domain/hosts.py)."""

from zerosei_app.domain.hosts import default_allowed_hosts, host_allowed, host_name, origin_allowed
from zerosei_app.view import share

LOCAL = ("localhost", "127.0.0.1", "::1")


def test_host_names_with_ports_and_ipv6():
    assert host_name("LocalHost:3000") == "localhost"
    assert host_name("[::1]:3101") == "::1"
    assert host_name("evil.example/x") is None
    assert host_name("") is None and host_name(None) is None


def test_only_listed_hosts_are_allowed():
    assert host_allowed("127.0.0.1:41234", LOCAL)
    assert host_allowed("[::1]:3000", LOCAL)
    assert not host_allowed("evil.example", LOCAL)
    assert not host_allowed("localhost.evil.example", LOCAL)
    assert host_allowed("anything.example", ("*",))
    assert not host_allowed("bad host", ("*",))


def test_default_hosts_follow_the_public_url():
    assert default_allowed_hosts("https://zerosei.example.it/app") == ["zerosei.example.it"]
    assert default_allowed_hosts(None) == list(LOCAL)


def test_origins_own_listed_or_star():
    assert origin_allowed("http://127.0.0.1:3000", "127.0.0.1:3000", [])
    assert not origin_allowed("http://evil.example", "127.0.0.1:3000", [])
    assert not origin_allowed("null", "127.0.0.1:3000", [])
    assert not origin_allowed(None, "127.0.0.1:3000", [])
    assert not origin_allowed("http://127.0.0.1:3001", "127.0.0.1:3000", [])
    assert origin_allowed("https://partner.example", "127.0.0.1:3000", ["https://partner.example"])
    assert not origin_allowed("http://partner.example", "127.0.0.1:3000", ["https://partner.example"])
    assert origin_allowed("null", "x", ["*"])


def test_links_never_carry_a_host_the_site_does_not_answer_to():
    assert share.base_url(None, "http://evil.example", LOCAL) == ""
    assert share.base_url(None, "http://localhost:3101", LOCAL) == "http://localhost:3101"
    assert share.base_url("https://zerosei.example.it", "http://evil.example", LOCAL) == "https://zerosei.example.it"
    assert share.site_base("http://evil.example") == ""
