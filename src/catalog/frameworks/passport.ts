import { registrarMethods } from './helpers.js';
import type { FrameworkSpec, RegistrarSpec, ValueSpec } from './types.js';

// Passport runs a strategy's verify callback for each login (or, for `passport-jwt`/`http-bearer`,
// each authenticated request), and `deserializeUser` for every request of a session.

const VERIFY: RegistrarSpec = { label: 'Passport verify callback' };
const strategy: ValueSpec = { constructRegisters: VERIFY };

/** The strategy packages: the module is the `Strategy` class (`require('passport-local')`), also under its own names. */
const STRATEGIES: readonly { readonly modules: readonly string[]; readonly classes: readonly string[] }[] = [
  { modules: ['passport-local', 'passport-jwt', 'passport-custom', 'passport-http-bearer', 'passport-headerapikey', 'passport-ldapauth', 'passport-oauth2', 'passport-openidconnect', 'passport-google-oauth20', 'passport-github', 'passport-github2', 'passport-facebook', 'passport-twitter', 'passport-discord', 'passport-gitlab2', 'passport-microsoft', 'passport-azure-ad', 'passport-steam', 'passport-apple', 'passport-auth0', 'passport-slack-oauth2', 'passport-oauth2-client-password', 'passport-anonymous', 'passport-cookie', 'passport-magic-link', 'passport-json', 'passport-reddit', 'passport-vkontakte', 'passport-linkedin-oauth2', 'passport-spotify', 'passport-twitch-new', 'passport-yandex', 'passport-totp', 'passport-2fa-totp', 'passport-localapikey', 'passport-localapikey-update', 'passport-remember-me', 'passport-cas', 'passport-activedirectory', 'passport-unique-token', 'passport-fido2-webauthn', 'passport-trusted-header', 'passport-keycloak-oauth2-oidc', 'passport-atlassian-oauth2', 'passport-dropbox-oauth2', 'passport-wsfed-saml2', 'passport-openid'], classes: ['Strategy', 'BearerStrategy', 'HeaderAPIKeyStrategy', 'OIDCStrategy', 'JwtStrategy', 'UniqueTokenStrategy', 'RelyingParty'] },
  { modules: ['passport-http'], classes: ['BasicStrategy', 'DigestStrategy'] },
  { modules: ['passport-google-oauth'], classes: ['OAuth2Strategy', 'OAuthStrategy'] },
  { modules: ['@node-saml/passport-saml', 'passport-saml'], classes: ['Strategy', 'MultiSamlStrategy'] },
];

/** Strategy packages: `new LocalStrategy(options, (username, password, done) => …)`: the verify callback serves each login. */
export const passportStrategies: readonly FrameworkSpec[] = STRATEGIES.map(({ modules, classes }) => ({
  framework: 'passport',
  name: 'Passport',
  label: 'Passport verify callback',
  modules,
  exports: { ...strategy, members: Object.fromEntries([...classes, 'default'].map((name) => [name, strategy])) },
}));

const PASSPORT_METHODS: Record<string, ValueSpec> = {
  ...registrarMethods(['serializeUser', 'deserializeUser', 'transformAuthInfo'], undefined, { label: 'Passport session callback' }),
  authenticate: { registers: { label: 'Passport authenticate callback' } },
  authorize: { registers: { label: 'Passport authenticate callback' } },
};

/**
 * `passport` (the module is an `Authenticator`): `serializeUser(fn)`, `deserializeUser(fn)` (every
 * request of a session) and the callback of `authenticate(name, callback)`; `new Passport()` too.
 */
export const passport: FrameworkSpec = {
  framework: 'passport',
  name: 'Passport',
  label: 'Passport callback',
  modules: ['passport'],
  exports: { members: { ...PASSPORT_METHODS, Passport: { constructs: 'passport' }, Authenticator: { constructs: 'passport' }, default: 'passport' } },
  types: { passport: { members: PASSPORT_METHODS } },
};
