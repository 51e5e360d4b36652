//! What a key says about its value: JSON keys, form fields, query parameters and header names.
//!
//! Keys are split into words (`dbPassword` → `db password`, `x-api-key` → `x api key`) and matched
//! on whole words at the end, because the last word names the thing: `customer_token` is a token,
//! `token_count` is a count, and `compass` contains no word `pass` at all.

use super::Category;

/// How a value must be hidden, decided by the key it sits under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    /// The whole value becomes the category's marker.
    Plain(Category),
    /// An `Authorization`-style value: the scheme word stays, the credential goes.
    Authorization,
    /// A `Cookie` header: cookie names stay, every value goes.
    Cookie,
    /// A `Set-Cookie` header: the value of each cookie goes (one a line, or folded with commas),
    /// the attributes stay.
    SetCookie,
    /// An email address: valid ones become the marker, invalid ones keep their shape.
    Email,
}

impl Field {
    /// Secrets hide booleans too (a flag under `otp` is still a secret's value); personal data
    /// keeps them, since `"verified": true` under an address says nothing about the person.
    pub(super) fn hides_flags(self) -> bool {
        !self.is_personal()
    }

    /// Whether this is personal data (as opposed to a credential).
    pub(super) fn is_personal(self) -> bool {
        matches!(self, Field::Email | Field::Plain(Category::Name | Category::Phone | Category::Address))
    }
}

/// What a key tells about its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyKind {
    /// The value must be hidden as this field.
    Field(Field),
    /// `name`: a person's name only inside a person-like object.
    BareName,
    /// `company`, `legal_entity`: a string is a name; an object is person-like.
    Entity,
    /// `customer`, `user`, `billing_details`, ...: an object below it is person-like.
    Holder,
    /// Nothing to hide because of the key itself.
    Plain,
}

const EMAIL_ENDINGS: &[&str] = &["email", "emails", "emailaddress", "emailaddresses"];
const SECRET_ENDINGS: &[&str] = &[
    "password",
    "passwords",
    "passwd",
    "passphrase",
    "secret",
    "secrets",
    "token",
    "credentials",
    "credential",
    "sessionid",
    "sessionkey",
];
const SECRET_WORDS: &[&str] = &[
    "pass", "pwd", "pin", "otp", "totp", "hotp", "cvv", "cvc", "cvv2", "cvc2", "ssn", "session", "jwt", "passcode",
    "pincode", "creds", "iban",
];
const SECRET_PAIRS: &[&str] = &[
    "securitycode",
    "verificationcode",
    "authcode",
    "mfacode",
    "otpcode",
    "smscode",
    "resetcode",
    "authorizationcode",
    "onetimecode",
];
const API_KEY_PAIRS: &[&str] = &[
    "apikey",
    "secretkey",
    "accesskey",
    "signingkey",
    "encryptionkey",
    "masterkey",
    "clientkey",
    "authkey",
    "appkey",
    "licensekey",
];
const CARD_PAIRS: &[&str] = &["cardnumber", "cardno", "ccnumber", "creditcard"];
const PHONE_WORDS: &[&str] = &[
    "phone",
    "phones",
    "mobile",
    "tel",
    "telephone",
    "fax",
    "cell",
    "cellphone",
    "msisdn",
    "phonenumber",
    "mobilenumber",
];
const PHONE_PAIRS: &[&str] = &[
    "phonenumber",
    "phonenumbers",
    "mobilenumber",
    "telnumber",
    "faxnumber",
    "phoneno",
    "mobilephone",
    "cellnumber",
    "telephonenumber",
];
const NAME_ENDINGS: &[&str] = &[
    "firstname",
    "lastname",
    "fullname",
    "givenname",
    "familyname",
    "middlename",
    "surname",
    "forename",
    "nickname",
    "displayname",
    "customername",
    "contactname",
    "companyname",
    "businessname",
    "legalname",
    "holdername",
    "recipientname",
    "billingname",
    "shippingname",
    "username",
    "maidenname",
    "personname",
    "buyername",
    "payername",
    "sendername",
    "ownername",
    "cardholder",
];
const ADDRESS_WORDS: &[&str] = &[
    "street",
    "streetname",
    "streetaddress",
    "city",
    "town",
    "zip",
    "zipcode",
    "postcode",
    "postalcode",
    "line1",
    "line2",
    "line3",
    "housenumber",
];
const ADDRESS_PAIRS: &[&str] =
    &["postalcode", "zipcode", "streetname", "streetnumber", "housenumber", "postcode", "streetaddress"];
/// `…address` keys that name network or ledger addresses, not postal ones.
const NON_POSTAL: &[&str] = &[
    "ip",
    "ipv4",
    "ipv6",
    "mac",
    "remote",
    "server",
    "host",
    "local",
    "peer",
    "bind",
    "listen",
    "socket",
    "wallet",
    "contract",
    "web",
    "url",
    "memory",
    "network",
    "broadcast",
    "gateway",
    "source",
    "src",
    "destination",
    "dst",
    "forwarded",
    "proxy",
    "node",
    "bitcoin",
];
const HOLDERS: &[&str] = &[
    "customer",
    "user",
    "person",
    "contact",
    "owner",
    "holder",
    "accountholder",
    "recipient",
    "sender",
    "buyer",
    "payer",
    "payee",
    "beneficiary",
    "member",
    "employee",
    "guest",
    "individual",
    "representative",
    "director",
    "signer",
    "seller",
    "shipping",
    "billing",
    "billingdetails",
    "shippingdetails",
    "patient",
    "applicant",
];
/// Extra parameter names that carry credentials in URLs and forms (too generic for JSON keys).
const PARAM_WORDS: &[&str] = &["key", "sig", "signature", "code", "auth", "hmac", "assertion", "jwt", "ticket"];
const PARAM_JOINED: &[&str] = &["awsaccesskeyid", "googleaccessid", "clientassertion"];
/// Authorization schemes: the word before the credential, kept as evidence.
const AUTH_SCHEMES: &[&str] = &[
    "basic",
    "bearer",
    "digest",
    "negotiate",
    "ntlm",
    "token",
    "apikey",
    "api-key",
    "key",
    "hoba",
    "mutual",
    "oauth",
    "dpop",
    "aws4-hmac-sha256",
    "aws",
    "hmac",
    "signature",
    "gnap",
    "vapid",
    "scram-sha-1",
    "scram-sha-256",
    "jwt",
];

/// The lower-cased words of a key, split at punctuation and camelCase humps (`APIKey` → api key).
pub(super) fn words(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let hump = prev.is_some_and(|p| {
            (p.is_lowercase() && c.is_uppercase())
                || (p.is_uppercase() && c.is_uppercase() && next.is_some_and(char::is_lowercase))
        });
        if hump && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// The key without case or separators: `X-Api-Key` → `xapikey`.
pub(super) fn normalize(key: &str) -> String {
    words(key).concat()
}

/// What a JSON key or text key says about its value.
pub(super) fn classify(key: &str) -> KeyKind {
    let words = words(key);
    let Some(last) = words.last().map(String::as_str) else {
        return KeyKind::Plain;
    };
    let joined = words.concat();
    let last2 = match words.len() {
        0 | 1 => last.to_owned(),
        n => format!("{}{}", words[n - 2], last),
    };
    let ends = |list: &[&str]| list.iter().any(|e| joined.ends_with(e));

    if ends(EMAIL_ENDINGS) || last == "mail" {
        return KeyKind::Field(Field::Email);
    }
    if joined.ends_with("authorization") || last == "auth" {
        return KeyKind::Field(Field::Authorization);
    }
    if last == "cookie" || last == "cookies" {
        return KeyKind::Field(if last2 == "setcookie" { Field::SetCookie } else { Field::Cookie });
    }
    if joined.ends_with("privatekey") || joined.ends_with("privkey") {
        return KeyKind::Field(Field::Plain(Category::PrivateKey));
    }
    if API_KEY_PAIRS.contains(&last2.as_str()) || joined.ends_with("apikey") {
        return KeyKind::Field(Field::Plain(Category::ApiKey));
    }
    if ends(SECRET_ENDINGS) || SECRET_WORDS.contains(&last) || SECRET_PAIRS.contains(&last2.as_str()) {
        return KeyKind::Field(Field::Plain(Category::Secret));
    }
    if CARD_PAIRS.contains(&last2.as_str()) {
        return KeyKind::Field(Field::Plain(Category::CardNumber));
    }
    if PHONE_WORDS.contains(&last) || PHONE_PAIRS.contains(&last2.as_str()) {
        return KeyKind::Field(Field::Plain(Category::Phone));
    }
    if ends(NAME_ENDINGS) {
        return KeyKind::Field(Field::Plain(Category::Name));
    }
    if is_postal(&joined, last, &last2) {
        return KeyKind::Field(Field::Plain(Category::Address));
    }
    if joined == "legalentity" || joined == "company" {
        return KeyKind::Entity;
    }
    let singular = last.strip_suffix('s').unwrap_or(last);
    if HOLDERS.contains(&singular) || HOLDERS.contains(&last2.as_str()) {
        return KeyKind::Holder;
    }
    if joined == "name" {
        return KeyKind::BareName;
    }
    KeyKind::Plain
}

fn is_postal(joined: &str, last: &str, last2: &str) -> bool {
    if ADDRESS_WORDS.contains(&last) || ADDRESS_PAIRS.contains(&last2) {
        return true;
    }
    ["addressdata", "addresses", "address"]
        .iter()
        .find_map(|suffix| joined.strip_suffix(suffix))
        .is_some_and(|prefix| !NON_POSTAL.iter().any(|p| prefix.ends_with(p)))
}

/// Like [`classify`], plus the parameter names that carry credentials in URLs and forms (`key`,
/// `sig`, `code`, ...), which in a JSON body are too generic (`"code": "card_declined"`).
pub(super) fn classify_param(key: &str) -> KeyKind {
    match classify(key) {
        KeyKind::Plain | KeyKind::BareName | KeyKind::Holder => {
            let words = words(key);
            let last = words.last().map(String::as_str).unwrap_or_default();
            if PARAM_WORDS.contains(&last) || PARAM_JOINED.contains(&words.concat().as_str()) {
                KeyKind::Field(Field::Plain(Category::UrlCredential))
            } else {
                KeyKind::Plain
            }
        }
        other => other,
    }
}

/// The field a key's value must be hidden as, where the key alone decides it.
pub(super) fn field_of(kind: KeyKind) -> Option<Field> {
    match kind {
        KeyKind::Field(field) => Some(field),
        KeyKind::Entity => Some(Field::Plain(Category::Name)),
        KeyKind::BareName | KeyKind::Holder | KeyKind::Plain => None,
    }
}

/// Header names whose whole value is a credential.
pub(super) fn header_field(name: &str) -> Option<Field> {
    let lower = name.trim().to_ascii_lowercase();
    match lower.as_str() {
        "authorization" | "proxy-authorization" => return Some(Field::Authorization),
        "cookie" => return Some(Field::Cookie),
        "set-cookie" | "set-cookie2" => return Some(Field::SetCookie),
        _ => {}
    }
    let flat: String = lower.chars().filter(char::is_ascii_alphanumeric).collect();
    if flat.contains("apikey") {
        Some(Field::Plain(Category::ApiKey))
    } else if flat.contains("authtoken") {
        Some(Field::Plain(Category::Authorization))
    } else if ["token", "secret", "password", "passwd", "signature"].iter().any(|w| flat.contains(w)) {
        Some(Field::Plain(Category::Secret))
    } else {
        None
    }
}

/// Whether `word` is an HTTP authorization scheme (`Bearer`, `Basic`, ...).
pub(super) fn is_auth_scheme(word: &str) -> bool {
    AUTH_SCHEMES.contains(&word.to_ascii_lowercase().as_str())
}

/// Schemes whose credential is a parameter list (`Digest username="…", response="…"`).
pub(super) fn is_param_scheme(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "digest" | "oauth" | "aws4-hmac-sha256" | "signature" | "hmac" | "hoba" | "vapid"
    )
}

/// Keys under which an object holds an error, whose `name` is an error name, not a person's.
pub(super) fn is_error_key(key: &str) -> bool {
    matches!(normalize(key).as_str(), "error" | "errors" | "fault" | "exception" | "problem" | "detail" | "details")
}
