"""Command line: ``python -m build_tools build | dump | check | outline | portability | bench``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_tools.bench.benchmark import run_bench
from build_tools.errors import BuildError
from build_tools.parse.outline import run_outline
from build_tools.site.commands import dump, publish, run_check
from build_tools.site.portability import run_portability

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_tools",
                                     description="Publish official G7 texts as a citable site.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="generate the pages and run the strict MkDocs build")
    build.add_argument("--source", type=Path, default=Path("source"))
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    dump = sub.add_parser("dump", help="write the generated Markdown pages to a folder")
    dump.add_argument("out", type=Path)
    dump.add_argument("--source", type=Path, default=Path("source"))
    check = sub.add_parser("check", help="check the source and the built site")
    check.add_argument("--source", type=Path, default=Path("source"))
    check.add_argument("--site-dir", type=Path, default=Path("site"))
    check.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    check.add_argument("--deep", action="store_true",
                       help="also read the built site back and check every link, id and export")
    outline = sub.add_parser("outline", help="print the structure a text is read as")
    outline.add_argument("files", type=Path, nargs="+", metavar="FILE")
    portability = sub.add_parser("portability", help="build the dumped Markdown with other engines and themes")
    portability.add_argument("--source", type=Path, default=Path("source"))
    portability.add_argument("--work", type=Path, default=Path("generated/portability"))
    bench = sub.add_parser("bench", help="time make site and make serve on synthetic corpora")
    bench.add_argument("--sizes", default="50,200", help="corpus sizes in documents")
    bench.add_argument("--repeats", type=int, default=3, help="runs per figure (the median is shown)")
    bench.add_argument("--work", type=Path, default=None, help="keep the corpora and sites here")
    bench.add_argument("--no-serve", action="store_true", help="skip the edit under make serve")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return publish(args.source, args.site_dir, args.config)
        if args.command == "dump":
            return dump(args.source, args.out)
        if args.command == "check":
            return run_check(args.source, args.site_dir, args.config, args.deep)
        if args.command == "portability":
            return run_portability(args.source, args.work)
        if args.command == "outline":
            return run_outline(args.files)
        if args.command == "bench":
            return run_bench([int(n) for n in args.sizes.split(",")], args.repeats, args.work,
                             serve=not args.no_serve)
    except BuildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        # A system error (permission denied, disk full, ...): one line naming the file.
        place = err.filename if err.filename is not None else "error"
        print(f"error: {place}: {err.strerror or err}", file=sys.stderr)
        return 1
    return 2
