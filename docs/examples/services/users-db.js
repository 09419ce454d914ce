import Database from 'better-sqlite3';

// Opening the database is start-up work; the queries below run per request.
const db = new Database('data/users.db');
db.pragma('journal_mode = WAL');
const byEmail = db.prepare('SELECT id, email, password_hash AS passwordHash FROM users WHERE email = ?');

export async function findUserByEmail(email) {
  return byEmail.get(email);
}
