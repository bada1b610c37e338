/**
 * Registers every element of this package. The only modules with side effects are this
 * one and `features/*` (each registers a group; `<live-shop>` loads them as a show needs
 * them): importing the classes from the package's index defines nothing.
 */
import './features/core.js';
import './features/details.js';
import './features/chat.js';
import './features/audience.js';
import './features/offers.js';
import './features/status.js';
import './features/shelf.js';
