const fs = require('fs');
const path = require('path');

const AVATAR_ROOT = path.resolve('uploads/avatars');

// Called from a route handler for every request.
async function listAvatars(userId) {
  const dir = path.join(AVATAR_ROOT, userId);
  fs.mkdirSync(dir, { recursive: true });
  return fs.readdirSync(dir).filter((name) => name.endsWith('.png'));
}

// A plain sync helper that nothing async calls: not reported (no-indirect-blocking follows helpers).
function avatarPathSync(userId, name) {
  return fs.realpathSync(path.join(AVATAR_ROOT, userId, name));
}

module.exports = { listAvatars, avatarPathSync };
