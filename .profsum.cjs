const fs=require('fs');const f=fs.readdirSync('/tmp/prof')[0];const p=JSON.parse(fs.readFileSync('/tmp/prof/'+f));
const self=new Map();const byId=new Map(p.nodes.map(n=>[n.id,n]));
const parent=new Map();for(const n of p.nodes) for(const c of n.children||[]) parent.set(c,n.id);
const dt=p.timeDeltas;const incl=new Map();
for(let i=0;i<p.samples.length;i++){let id=p.samples[i];const n=byId.get(id);const k=n.callFrame.functionName+' '+n.callFrame.url.split('/').slice(-2).join('/')+':'+n.callFrame.lineNumber;self.set(k,(self.get(k)||0)+(dt[i]||0));
 const seen=new Set(); while(id!==undefined){const m=byId.get(id);const kk=m.callFrame.functionName+' '+m.callFrame.url.split('/').slice(-2).join('/')+':'+m.callFrame.lineNumber; if(!seen.has(kk)){seen.add(kk);incl.set(kk,(incl.get(kk)||0)+(dt[i]||0));} id=parent.get(id);} }
console.log('SELF');console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,20).map(([k,v])=>(v/1000).toFixed(0)+'ms '+k).join('\n'));
console.log('INCL project');console.log([...incl].filter(([k])=>/project\/|createFileAnalysis|traceFile|findHandlers|summar/.test(k)).sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>(v/1000).toFixed(0)+'ms '+k).join('\n'));
