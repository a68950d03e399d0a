/** The console's entry: the shell, which loads each page when it is first visited. */
import './shell.js';
