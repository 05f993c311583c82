# bash completion for tidemark(1)
# SPDX-License-Identifier: GPL-3.0-or-later
_tidemark()
{
    local cur prev words cword
    _init_completion || return

    local commands="run validate export-pyspark import-pyspark produce broker lesson storyboard frames help"
    local window_options="--lang --screenshot --batch --presentation --high-contrast --size --lesson --step --help --version"

    case $prev in
        --lang) COMPREPLY=($(compgen -W "ko en" -- "$cur")); return ;;
        --mode) COMPREPLY=($(compgen -W "append update complete all" -- "$cur")); return ;;
        --modes) COMPREPLY=($(compgen -W "append,update,complete append update complete" -- "$cur")); return ;;
        --format) COMPREPLY=($(compgen -W "console jsonl" -- "$cur")); return ;;
        --starting-offsets) COMPREPLY=($(compgen -W "earliest latest" -- "$cur")); return ;;
        --fail-on-data-loss) COMPREPLY=($(compgen -W "true false" -- "$cur")); return ;;
        --lesson)
            COMPREPLY=($(compgen -W "$(tidemark lesson list 2>/dev/null | awk '{print $1}')" -- "$cur"))
            _filedir 'lesson.json'
            return ;;
        --scenarios|--data) _filedir -d; return ;;
        --directory) _filedir -d; return ;;
        --socket|--max-files-per-trigger|--max-file-age) return ;;
        -o|--record|--screenshot|--bootstrap-file) _filedir; return ;;
        --batch|--step|--size|--delay|--topic|--kafka|--bootstrap|--group-id|--port|--partitions|--duration|\
        --max-batches|--max-offsets-per-trigger|--snapshot-every|--connect-timeout|--list-malformed|--speed|--source|--cell|--spark-version|-X) return ;;
    esac

    local command="" i
    for ((i = 1; i < cword; i++)); do
        if [[ ${words[i]} != -* ]]; then
            command=${words[i]}
            break
        fi
    done

    local options
    case $command in
        "") if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$window_options" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "$commands" -- "$cur"))
                _filedir json
            fi
            return ;;
        help) COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
        lesson)
            if [[ ${words[i + 1]:-} == "$cur" ]]; then
                COMPREPLY=($(compgen -W "check list" -- "$cur")); return
            fi
            options="--scenarios" ;;
        run) options="--mode --format --no-truncate --kafka --topic --starting-offsets --group-id --max-offsets-per-trigger --duration --max-batches --record --snapshot-every --connect-timeout --list-malformed --fail-on-data-loss" ;;
        validate) options="" ;;
        export-pyspark) options="-o --mode" ;;
        import-pyspark) options="--cell --data --spark-version -o" ;;
        produce) options="--bootstrap --topic --speed --source --quiet -X" ;;
        broker) options="--topic --partitions --brokers --port --bootstrap-file --duration" ;;
        storyboard) options="-o --lang --modes --lesson" ;;
        frames) options="-o --lang --size --delay --lesson" ;;
    esac
    # live input from the course's socket and directory sources
    [[ $command == run ]] && options+=" --socket --include-timestamp --directory --max-files-per-trigger --latest-first --max-file-age --source"
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options --help" -- "$cur"))
    else
        _filedir
    fi
} &&
    complete -F _tidemark tidemark
