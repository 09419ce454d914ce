/** The key of this plugin's shared settings: `settings['event-loop']`. */
export const NAMESPACE_SETTINGS = 'event-loop';
