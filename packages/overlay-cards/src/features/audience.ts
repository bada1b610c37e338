/** Registers the audience elements: reactions, polls and the viewer count (loaded for a live show). */
import { LivePoll } from '../audience/poll/poll.js';
import { LiveReactions } from '../audience/reactions/reactions.js';
import { LiveViewerCount } from '../audience/viewer-count/viewer-count.js';
import { TAGS } from '../constants.js';
import { defineElement } from '../define-element.js';

defineElement(TAGS.reactions, LiveReactions);
defineElement(TAGS.poll, LivePoll);
defineElement(TAGS.viewerCount, LiveViewerCount);
