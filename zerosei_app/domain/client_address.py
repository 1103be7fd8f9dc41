"""Which address a throttle counts: IPv4 as it is, IPv6 by its /64 network.

One home or phone gets a whole IPv6 /64 and can change address inside it at will, so counting
single IPv6 addresses would let one person send without limit.
"""

from __future__ import annotations

import ipaddress


def throttle_key(address: str | None) -> str:
    text = (address or "").strip()
    try:
        ip = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return text or "?"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)
