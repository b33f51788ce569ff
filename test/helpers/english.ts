/**
 * Model and store tests read problems in English, as the server does (an element page
 * registers the page's words instead): import this module first.
 */
import { problemText } from '../../src/model/problem-text.js';
import { useProblemWords } from '../../src/model/problems.js';

useProblemWords(problemText);
