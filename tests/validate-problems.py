#!/usr/bin/env python3
"""validate-problems.py RKTC SHARED — every problem `nomad job validate`
lists for a corpus file (each leaf of its error tree) must have an
error-severity finding of the matching NMD rule from `rktc check`.
Prints the unmatched problems and exits 1 when there are any."""
import json, subprocess, glob, os, re, sys
rktc, shared = sys.argv[1], sys.argv[2]
C = shared + '/corpus'
pat = [
 (r'Missing job datacenters','NMD021'),(r'Missing job task groups','NMD022'),(r'Missing tasks for task group','NMD023'),
 (r'Missing task driver','NMD024'),(r'log storage','NMD037'),(r'does not allow update','NMD034'),(r'does not allow migrate','NMD035'),
 (r'Unknown constraint type|Missing constraint operand','NMD025'),(r'Periodic can only|Invalid cron','NMD029'),(r'Parameterized job can only','NMD030'),
 (r'Invalid job type|Job ID contains','NMD020'),(r'Invalid change mode','NMD046'),(r'Healthy deadline','NMD034'),
 (r'Check .* invalid|is missing a port|numeric port','NMD041'),(r'port label .* does not exist','NMD042'),(r'minimum CPU','NMD036'),
 (r'Connect Native and requires|Service name must','NMD040'),(r'Reschedule Policy|Unlimited cannot','NMD033'),(r'Policy list','NMD047'),
 (r'Multiregion','NMD031'),(r'Consul Ingress|Consul Connect must','NMD043'),
]
bad=0
for e in sorted(glob.glob(C+'/expected/*.validate')):
    t=open(e).read()
    if 'VALIDATE ERROR' not in t: continue
    n=os.path.basename(e)[:-9]
    body=t.split('VALIDATE ERROR')[1].split('WARNINGS')[0]
    leaves=[l.strip()[2:] for l in body.split('\n') if l.strip().startswith('* ') and not re.search(r'validation failed|occurred:$',l)]
    out=json.loads(subprocess.run([rktc,'check','--format=json',C+'/files/'+n],capture_output=True,text=True).stdout)
    rules=[d['rule'] for f in out['files'] for d in f['diagnostics'] if d['severity']=='error']
    for l in leaves:
        rid=None
        for p,r in pat:
            if re.search(p,l): rid=r;break
        if rid is None: print('UNMAPPED',n,l); bad+=1; continue
        if rid not in rules: print('MISSING',n,rid,l); bad+=1
print('validate problems without a matching finding:', bad)
sys.exit(1 if bad else 0)
