// A real OpenID provider for the single sign-on test (oidc-provider is ESM-only, so it
// runs here, in a child process, rather than inside jest). Configured from the
// environment: OIDC_TEST_PORT, OIDC_TEST_CLIENT_ID, OIDC_TEST_CLIENT_SECRET,
// OIDC_TEST_REDIRECT_URI, OIDC_TEST_ACCOUNTS (JSON: { login: { email, email_verified } }).
// Its development login form accepts any password for a known login. Prints
// "READY <issuer>" when it listens.
import Provider from 'oidc-provider';

const env = process.env;
const port = Number(env.OIDC_TEST_PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = JSON.parse(env.OIDC_TEST_ACCOUNTS ?? '{}');

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: env.OIDC_TEST_CLIENT_ID,
      client_secret: env.OIDC_TEST_CLIENT_SECRET,
      redirect_uris: [env.OIDC_TEST_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Every authorization request must carry a PKCE challenge (S256).
  pkce: { required: () => true },
  cookies: { keys: ['oidc-test-cookie-key'] },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: account.email, email_verified: account.email_verified, name: id };
      },
    };
  },
});
provider.on('server_error', (_ctx, err) => console.error('oidc-provider:', err));

provider.listen(port, '127.0.0.1', () => console.log(`READY ${issuer}`));
process.on('SIGTERM', () => process.exit(0));
