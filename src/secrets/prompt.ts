import { createInterface } from 'node:readline';

/**
 * Reads a password from the terminal without echoing it. Only used when stdin is a TTY; the
 * password never becomes a process argument or an environment variable of a child process.
 */
export function promptHidden(question: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput?: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      // Write the question once, then swallow the echo of what is typed.
      if (!asked) {
        process.stderr.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolvePromise(answer);
    });
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('password prompt cancelled'));
    });
  });
}
