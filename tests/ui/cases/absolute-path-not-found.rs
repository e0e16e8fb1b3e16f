// An absolute path is used as it is: not looked for anywhere else.
errspec::errors_from_spec!("/errspec-no-such-directory/acme.toml");

fn main() {}
