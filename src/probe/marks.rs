//! A proxy's marks on an answer it gave itself: RFC 9209 `Proxy-Status` (the proxy's name and
//! its `error=`), squid's `X-Squid-Error` (`ERR_CONNECT_FAIL 111`), or a `Server` header naming
//! a proxy product — and what the error codes mean, in plain words. Over plain http through a
//! proxy, an error that carries none of these was relayed from the site. Pure: headers in,
//! [`Marks`] out.

/// What marked an answer as the proxy's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// The proxy software ("Squid"), or the name it gave in `Proxy-Status`.
    pub product: Option<String>,
    /// Its error code, verbatim ("ERR_CONNECT_FAIL", "connection_refused").
    pub error_code: Option<String>,
}

/// Proxy products as their `Server` header names them: (a word of the header, lowercase;
/// the product's name). Varnish is left out on purpose: a Varnish cache fronts sites, so its
/// answer comes from the site's side, not from a proxy on this network.
const PRODUCTS: &[(&str, &str)] = &[
    ("squid", "Squid"),
    ("mitmproxy", "mitmproxy"),
    ("ats", "Apache Traffic Server"),
    ("apache traffic server", "Apache Traffic Server"),
    ("trafficserver", "Apache Traffic Server"),
    ("zscaler", "Zscaler"),
    ("bluecoat", "Blue Coat ProxySG"),
    ("blue coat", "Blue Coat ProxySG"),
    ("proxysg", "Blue Coat ProxySG"),
    ("fortigate", "FortiGate"),
    ("fortinet", "FortiGate"),
    ("sophos", "Sophos"),
    ("wingate", "WinGate"),
    ("ccproxy", "CCProxy"),
    ("tinyproxy", "tinyproxy"),
    ("privoxy", "Privoxy"),
];

/// The proxy product a `Server` value names, if it names one.
pub fn product_of_server(server: &str) -> Option<&'static str> {
    let lower = server.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || "/();,-_".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    PRODUCTS.iter().find_map(|(needle, name)| {
        let hit = if needle.contains(' ') {
            lower.contains(needle)
        } else {
            words.contains(needle)
        };
        hit.then_some(*name)
    })
}

/// The last member of a `Proxy-Status` list (the intermediary closest to this computer): its
/// name and its `error` parameter.
fn proxy_status(value: &str) -> Option<(String, Option<String>)> {
    let member = split_outside_quotes(value, ',').pop()?;
    let mut parts = split_outside_quotes(&member, ';').into_iter();
    let name = unquote(parts.next()?.trim());
    if name.is_empty() {
        return None;
    }
    let error = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("error")).then(|| unquote(v.trim()))
    });
    Some((name, error.filter(|e| !e.is_empty())))
}

/// `text` split at `sep`, except inside double quotes.
fn split_outside_quotes(text: &str, sep: char) -> Vec<String> {
    let (mut parts, mut current, mut quoted, mut escaped) = (Vec::new(), String::new(), false, false);
    for c in text.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            c if c == sep && !quoted => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    parts.push(current);
    parts
}

fn unquote(s: &str) -> String {
    s.trim_matches('"').replace("\\\"", "\"").replace("\\\\", "\\")
}

impl Marks {
    /// The marks among `headers` (name, value), if any.
    pub fn read<'a>(headers: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<Marks> {
        let (mut status, mut squid, mut server) = (None, None, None);
        for (name, value) in headers {
            let name = name.trim();
            if name.eq_ignore_ascii_case("proxy-status") {
                status = proxy_status(value).or(status);
            } else if name.eq_ignore_ascii_case("x-squid-error") {
                squid = value.split_whitespace().next().map(str::to_string);
            } else if name.eq_ignore_ascii_case("server") {
                server = product_of_server(value);
            }
        }
        let squid_product = squid.as_ref().map(|_| "Squid");
        let product = server.or(squid_product).map(str::to_string);
        let marks = match (status, squid) {
            (Some((name, error)), squid) => Marks {
                product: product.or(Some(name)),
                error_code: error.or(squid),
            },
            (None, code) => Marks {
                product,
                error_code: code,
            },
        };
        (marks.product.is_some() || marks.error_code.is_some()).then_some(marks)
    }

    /// "Squid says it could not connect to the site (ERR_CONNECT_FAIL)": what the marks say.
    pub fn said(&self) -> Option<String> {
        let who = self.product.as_deref().unwrap_or("the proxy");
        let code = self.error_code.as_deref()?;
        Some(match meaning(code) {
            Some(m) => format!("{who} says {m} ({code})"),
            None => format!("{who} gave the error {code}"),
        })
    }
}

/// What a proxy's error code means, in plain words (squid's, and RFC 9209's error types).
pub fn meaning(code: &str) -> Option<&'static str> {
    Some(match code.to_ascii_lowercase().as_str() {
        "err_connect_fail" | "connection_refused" => "it could not connect to the site",
        "err_access_denied" | "http_request_denied" | "destination_ip_prohibited" => {
            "its rules do not allow this site"
        }
        "err_cache_access_denied" | "err_proxy_auth_required" => "it needs a user name and password",
        "err_cannot_forward" | "proxy_configuration_error" => "it could not forward the request",
        "err_dns_fail" | "dns_error" | "dns_timeout" | "destination_not_found" => {
            "it could not look up the site's name"
        }
        "err_zero_size_object" | "http_response_incomplete" => {
            "the site closed the connection without answering"
        }
        "err_invalid_resp" | "http_protocol_error" => "the site answered something that is not HTTP",
        "err_read_error" | "connection_terminated" => "the connection to the site was cut off",
        "err_read_timeout" | "err_lifetime_exp" | "connection_timeout" | "connection_read_timeout" => {
            "the site did not answer in time"
        }
        "destination_unavailable" | "destination_ip_unroutable" | "err_gateway_failure" => {
            "it could not reach the site"
        }
        "tls_certificate_error" | "tls_protocol_error" | "tls_alert_received" | "err_secure_connect_fail" => {
            "the site's secure connection failed"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
