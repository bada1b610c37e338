// Test support: registers ts-hooks.mjs (see there). Use with `node --import`.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
