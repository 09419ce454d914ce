import { describe, it } from 'vitest';
import { checkCase, type RootCase } from './serving-roots-harness.js';

const cases: RootCase[] = [
  {
    name: 'Passport: strategy verify callbacks and session callbacks serve logins and requests',
    code: `import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { Strategy as JwtStrategy } from 'passport-jwt';
import { BasicStrategy } from 'passport-http';
import bcrypt from 'bcrypt';
import fs from 'node:fs';
passport.use(new LocalStrategy({ usernameField: 'email' }, (email, password, done) => {
  const users = JSON.parse(fs.readFileSync('users.json', 'utf8')); // ← Passport verify callback
  done(null, bcrypt.compareSync(password, users[email])); // ← Passport verify callback
}));
passport.use(new JwtStrategy({ secretOrKey: 'k' }, (payload, done) => done(null, fs.existsSync('users/' + payload.sub)))); // ← Passport verify callback
passport.use(new BasicStrategy((user, pass, done) => done(null, fs.readFileSync('htpasswd', 'utf8').includes(user)))); // ← Passport verify callback
passport.deserializeUser((id, done) => done(null, JSON.parse(fs.readFileSync('sessions/' + id, 'utf8')))); // ← Passport session callback
const key = fs.readFileSync('jwt.key');`,
  },
  {
    name: 'Passport: CommonJS strategies (the module is the Strategy class)',
    code: `const passport = require('passport');
const LocalStrategy = require('passport-local').Strategy;
const GitHubStrategy = require('passport-github2');
const fs = require('fs');
passport.use(new LocalStrategy(function (username, password, done) {
  done(null, fs.readFileSync('db/' + username)); // ← Passport verify callback
}));
passport.use(new GitHubStrategy({ clientID: 'x' }, (accessToken, refreshToken, profile, done) => {
  fs.writeFileSync('profiles/' + profile.id, JSON.stringify(profile)); // ← Passport verify callback
  done(null, profile);
}));
const config = JSON.parse(fs.readFileSync('oauth.json', 'utf8'));`,
  },
  {
    name: 'Passport: JSON-body, one-time-password and API-key strategies',
    code: `import passport from 'passport';
import { Strategy as JsonStrategy } from 'passport-json';
import { Strategy as TotpStrategy } from 'passport-totp';
import { Strategy as ApiKeyStrategy } from 'passport-localapikey';
import bcrypt from 'bcrypt';
import fs from 'node:fs';
passport.use(new JsonStrategy({ usernameProp: 'name' }, (name, password, done) => {
  done(null, bcrypt.compareSync(password, fs.readFileSync('hashes/' + name, 'utf8'))); // ← Passport verify callback
}));
passport.use(new TotpStrategy((user, done) => done(null, fs.readFileSync('totp/' + user.id, 'utf8'), 30))); // ← Passport verify callback
passport.use(new ApiKeyStrategy((apikey, done) => done(null, fs.existsSync('keys/' + apikey)))); // ← Passport verify callback
const secret = fs.readFileSync('session.key');`,
  },
  {
    name: 'Multer: storage and filter callbacks run for every upload',
    code: `import multer from 'multer';
import fs from 'node:fs';
import path from 'node:path';
fs.mkdirSync('uploads', { recursive: true });
const storage = multer.diskStorage({
  destination: function (req, file, cb) {
    const dir = path.join('uploads', req.params.id);
    if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true }); // ← Multer upload callback
    cb(null, dir);
  },
  filename: (req, file, cb) => cb(null, Date.now() + path.extname(file.originalname)),
});
export const upload = multer({
  storage,
  fileFilter(req, file, cb) {
    cb(null, fs.readFileSync('allowed-types.txt', 'utf8').includes(file.mimetype)); // ← Multer upload callback
  },
});`,
  },
];

describe('serving roots: authentication', () => {
  for (const testCase of cases) it(testCase.name, () => checkCase(testCase));
});
