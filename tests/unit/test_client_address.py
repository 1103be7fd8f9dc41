from zerosei_app.domain.client_address import throttle_key


def test_ipv6_addresses_of_one_network_count_as_one():
    assert throttle_key("2001:db8:1:2:aaaa::1") == throttle_key("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert throttle_key("2001:db8:1:3::1") != throttle_key("2001:db8:1:2::1")


def test_ipv4_and_odd_values():
    assert throttle_key("203.0.113.9") == "203.0.113.9"
    assert throttle_key("::ffff:203.0.113.9") == "203.0.113.9"
    assert throttle_key("") == "?" and throttle_key(None) == "?"
    assert throttle_key("not an address") == "not an address"
