import { describe, expect, it } from 'vitest';
import { ins001, installPathProblems, INSTALL_PATH_MAX } from '../../../src/rules/ins/ins001-install-path-invalid.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const withPath = (path: string) => makePlan({ install: { path } });

describe('INS001 install-path-invalid', () => {
  it('accepts a short absolute local path', () => {
    expect(installPathProblems('D:\\Microsoft Azure AD Sync')).toEqual([]);
    expect(statusOf(runRule(ins001, withPath('C:\\Program Files\\Microsoft Azure AD Sync')))).toBe('passed');
  });

  it('is not applicable without a custom path', () => {
    expect(statusOf(runRule(ins001, makePlan()))).toBe('not-applicable');
  });

  it.each([
    ['\\\\fs01\\share\\aadsync', 'network (UNC) path'],
    ['Program Files\\AADSync', 'not an absolute Windows path'],
    ['D:\\Sync\\CON', 'reserved device name'],
    ['D:\\Sync\\bad|name', 'character Windows forbids'],
    ['D:\\Sync\\trailing.', 'ends with a dot or a space'],
    ['D:/Sync', 'forward slashes'],
  ])('reports %s (%s)', (path, reason) => {
    const r = runRule(ins001, withPath(path));
    expect(r.findings.map((f) => f.message).join('\n')).toContain(reason);
    expect(r.findings[0]?.location.planPath).toBe('install.path');
    expect(r.findings[0]?.data['path']).toBe(path);
  });

  it('reports a path too long for the files the service creates below it', () => {
    const path = `D:\\${'a'.repeat(INSTALL_PATH_MAX)}`;
    const r = runRule(ins001, withPath(path));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toContain(`${path.length} characters long; keep it under ${INSTALL_PATH_MAX}`);
  });
});
